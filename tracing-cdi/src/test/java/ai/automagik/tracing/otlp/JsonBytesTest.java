package ai.automagik.tracing.otlp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBytesTest {

    private static final JsonBytes.Name S = new JsonBytes.Name("s");

    private static JsonObject roundTrip(String value) {
        byte[] bytes = new JsonBytes(8).beginObject().string(S, value).endObject().toByteArray();
        return Json.createReader(new ByteArrayInputStream(bytes)).readObject();
    }

    @Test
    void everyBmpCharacterSurvivesAJsonParser() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            all.append(c);
        }
        for (char c = (char) (Character.MAX_SURROGATE + 1); c != 0; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00 \"quoted\" back\\slash");
        assertThat(roundTrip(all.toString()).getString("s")).isEqualTo(all.toString());
    }

    @Test
    void controlCharactersAreEscapedAndTextIsUtf8() {
        byte[] bytes = new JsonBytes(8).beginObject().string(S, "a\u0001\n\"é😀").endObject().toByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"s\":\"a\\u0001\\n\\\"é😀\"}");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(roundTrip("\uD83D").getString("s")).isEqualTo("\uFFFD");
        assertThat(roundTrip("x\uDE00\uD83D\uD83D\uDE00").getString("s")).isEqualTo("x\uFFFD\uFFFD\uD83D\uDE00");
        assertThat(roundTrip(null).getString("s")).isEmpty();
    }

    @Test
    void membersAndElementsAreSeparatedByCommasAtEveryLevel() {
        JsonBytes.Name a = new JsonBytes.Name("a");
        JsonBytes json = new JsonBytes(1).beginObject().beginArray(a);
        for (int i = 0; i < 3; i++) {
            json.beginObject().number(S, i).bool(new JsonBytes.Name("b"), i % 2 == 0).endObject();
        }
        json.endArray().int64String(S, Long.MIN_VALUE).unsignedInt64String(a, -1L).number(S, 1.5).endObject();
        assertThat(new String(json.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(
                "{\"a\":[{\"s\":0,\"b\":true},{\"s\":1,\"b\":false},{\"s\":2,\"b\":true}],"
                        + "\"s\":\"-9223372036854775808\",\"a\":\"18446744073709551615\",\"s\":1.5}");
    }

    @Test
    void integersAreWrittenAsJavaWritesThemAtEveryDigitCountAndSign() {
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1, -1L));
        for (long power = 1; ; power *= 10) { // 1 to 10^18
            for (long v : new long[] {power - 1, power, power + 1}) {
                values.add(v);
                values.add(-v);
            }
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        for (long value : values) {
            String written = new String(new JsonBytes(1).beginObject().number(S, value).int64String(S, value)
                    .unsignedInt64String(S, value).endObject().toByteArray(), StandardCharsets.US_ASCII);
            assertThat(written).as("%d", value).isEqualTo("{\"s\":" + value + ",\"s\":\"" + value + "\",\"s\":\""
                    + Long.toUnsignedString(value) + "\"}");
        }
    }

    @Test
    void aKeyedStringElementIsTheSameAsWritingItTokenByToken() {
        JsonBytes.Name key = new JsonBytes.Name("key");
        JsonBytes.Name value = new JsonBytes.Name("value");
        JsonBytes.Name stringValue = new JsonBytes.Name("stringValue");
        String[][] pairs = {{"k", "v"}, {"", ""}, {null, null}, {"é\"\n", "\uD83D 😀\u0001"}, {"x".repeat(300), "y"}};
        JsonBytes fused = new JsonBytes(1).beginObject().beginArray(S);
        JsonBytes tokens = new JsonBytes(1).beginObject().beginArray(S);
        for (String[] pair : pairs) {
            fused.keyedStringElement(key, pair[0], value, stringValue, pair[1]);
            tokens.beginObject().string(key, pair[0]).beginObject(value).string(stringValue, pair[1]).endObject()
                    .endObject();
        }
        fused.endArray().number(S, 1).endObject();
        tokens.endArray().number(S, 1).endObject();
        assertThat(new String(fused.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(new String(tokens.toByteArray(), StandardCharsets.UTF_8));
    }
}
