package ai.automagik.tracing.privacy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentRedactorTest {

    private final ContentRedactor redactor = ContentRedactor.defaults();

    @Test
    void secretNamedArgumentsAreRedactedWhateverTheirCase() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("query", "weather in Recife");
        arguments.put("Password", "hunter2");
        arguments.put("API_KEY", "sk-abc");
        arguments.put("apiKey", "sk-def");
        arguments.put("x-auth-token", "t0k3n");
        arguments.put("Authorization", "Bearer xyz");
        arguments.put("private_key", "-----BEGIN");
        arguments.put("cookie", "JSESSIONID=1");
        arguments.put("clientSecret", "cs");
        arguments.put("passwd", "p");
        arguments.put("credentials", List.of("a", "b"));
        arguments.put("author", "Machado de Assis");
        arguments.put("max_tokens", 256);

        JsonObject json = parse(redactor.redactArguments(arguments));

        assertThat(json.getString("query")).isEqualTo("weather in Recife");
        assertThat(json.getString("author")).isEqualTo("Machado de Assis");
        assertThat(json.getInt("max_tokens")).isEqualTo(256);
        for (String secret : List.of("Password", "API_KEY", "apiKey", "x-auth-token", "Authorization", "private_key",
                "cookie", "clientSecret", "passwd", "credentials")) {
            assertThat(json.getString(secret)).as(secret).isEqualTo("[REDACTED]");
        }
    }

    @Test
    void nestedMapsListsAndArraysAreWrittenAsJsonAndRedactedInside() {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("host", "db.internal");
        connection.put("password", "s3cr3t");
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("connection", connection);
        arguments.put("ids", new int[] {1, 2, 3});
        arguments.put("tags", List.of("a", "b\"c"));
        arguments.put("note", null);
        arguments.put("ratio", Double.NaN);
        arguments.put("flag", true);

        String text = redactor.redactArguments(arguments);
        JsonObject json = parse(text);

        assertThat(text).doesNotContain("s3cr3t");
        assertThat(json.getJsonObject("connection").getString("host")).isEqualTo("db.internal");
        assertThat(json.getJsonObject("connection").getString("password")).isEqualTo("[REDACTED]");
        assertThat(json.getJsonArray("ids").getInt(2)).isEqualTo(3);
        assertThat(json.getJsonArray("tags").getString(1)).isEqualTo("b\"c");
        assertThat(json.isNull("note")).isTrue();
        assertThat(json.getString("ratio")).isEqualTo("NaN");
        assertThat(json.getBoolean("flag")).isTrue();
    }

    @Test
    void interceptorStyleNamesAndValuesArePairedByPosition() {
        String text = redactor.redactArguments(new String[] {"city", "token"}, new Object[] {"Recife", "abc", 7});
        JsonObject json = parse(text);
        assertThat(json.getString("city")).isEqualTo("Recife");
        assertThat(json.getString("token")).isEqualTo("[REDACTED]");
        assertThat(json.getInt("arg2")).isEqualTo(7);
        assertThat(redactor.redactArguments(null, null)).isEqualTo("{}");
        assertThat(redactor.redactArguments((Map<String, ?>) null)).isEqualTo("{}");
    }

    @Test
    void argumentsAreCappedAtAThousandAndResultsAtTwoThousandCharsWithAMarker() {
        String arguments = redactor.redactArguments(Map.of("text", "y".repeat(5000)));
        assertThat(arguments).hasSize(ContentRedactor.MAX_ARGUMENTS).endsWith(ContentRedactor.TRUNCATED)
                .startsWith("{\"text\":\"yyy");

        assertThat(redactor.capResult("r".repeat(2000))).isEqualTo("r".repeat(2000));
        assertThat(redactor.capResult("r".repeat(2001))).hasSize(ContentRedactor.MAX_RESULT)
                .endsWith(ContentRedactor.TRUNCATED);
        assertThat(redactor.capArguments("a".repeat(1000))).isEqualTo("a".repeat(1000));
        assertThat(redactor.capArguments("a".repeat(1001))).hasSize(1000).endsWith(ContentRedactor.TRUNCATED);
        assertThat(redactor.capResult(null)).isNull();
    }

    @Test
    void capsNeverSplitASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String capped = new ContentRedactor(20, 20).capResult("abcdefg" + emoji + "x".repeat(30));
        assertThat(capped).isEqualTo("abcdefg" + ContentRedactor.TRUNCATED);
        assertThat(Character.isHighSurrogate(capped.charAt(capped.length() - ContentRedactor.TRUNCATED.length() - 1)))
                .isFalse();
    }

    @Test
    void capsShorterThanTheMarkerAreRefused() {
        assertThatThrownBy(() -> new ContentRedactor(5, 2000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
