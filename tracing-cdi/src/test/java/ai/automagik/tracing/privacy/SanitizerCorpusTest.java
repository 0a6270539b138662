package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizerCorpusTest {

    private final Sanitizer sanitizer = Sanitizer.defaults();

    @Test
    void noGeneratedSecretSurvivesAndEachLeavesItsMarker() {
        PiiCorpus corpus = new PiiCorpus(20261124L);
        for (int i = 0; i < 3000; i++) {
            PiiCorpus.Sample sample = corpus.next();
            String text = corpus.embed(sample.secret());
            String scrubbed = sanitizer.scrub(text);
            String secretCore = core(sample);
            assertThat(scrubbed).as("%s in %s", sample.kind(), text).doesNotContain(secretCore);
            assertThat(scrubbed).as("%s in %s", sample.kind(), text).contains(sample.marker());
        }
    }

    /** The part of a sample that must not survive (the key/label before a secret may stay). */
    private static String core(PiiCorpus.Sample sample) {
        String secret = sample.secret();
        return switch (sample.kind()) {
            case "password-pair" -> secret.substring("password=".length());
            case "json-token" -> secret.substring(secret.indexOf(": \"") + 3, secret.length() - 1);
            case "bearer" -> secret.substring("Bearer ".length());
            default -> secret;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "researcher", "simple", "web_search", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "fake-gpt-mini-2026-01",
        "1.0.0", "24.10.10", "17.0.15", "v2.3.1-beta", "/api/agents/{name}/run", "/api/tracing/status",
        "1234.5", "42", "1700000000000", "0.1", "-3", "6f1c1c9e-58a4-4c8a-9d55-5d3c5e0f7a11", "0123456789abcdef",
        "4bf92f3577b34da6a3ce929d0e0e4736", "Linux", "amd64", "x86_64", "Mac OS X", "IllegalStateException",
        "automagik-sample", "namastex", "HTTP 500", "timeout after 500 ms", "12:30:45", "Map::get", "std::string",
        "invoke_agent researcher", "execute_tool calculator", "agent.run", "event.duration_ms", "key", "token count",
        "the password was rotated", "2026-11-24T06:59:57Z", "C:\\Program Files\\App", "/var/log/app.log"
    })
    void ordinaryValuesSurviveUnchanged(String value) {
        assertThat(sanitizer.scrub(value)).isEqualTo(value);
    }

    @Test
    void coversEachKindInContext() {
        assertThat(sanitizer.scrub("contact maria.silva@example.com.br now")).isEqualTo("contact [EMAIL] now");
        assertThat(sanitizer.scrub("url https://bob:hunter2@example.com/x")).doesNotContain("hunter2")
                .contains("[CREDENTIALS]");
        assertThat(sanitizer.scrub("GET /cb?code=abc123&token=s3cr3t&page=2")).doesNotContain("s3cr3t")
                .doesNotContain("abc123").contains("page=2");
        assertThat(sanitizer.scrub("{\"api_key\": \"xyz-987\", \"model\": \"gpt\"}")).doesNotContain("xyz-987")
                .contains("\"model\": \"gpt\"");
        assertThat(sanitizer.scrub("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .doesNotContain("wJalrXUtnFEMI");
        assertThat(sanitizer.scrub("from 10.0.0.12 and ::1 and fe80::1ff:fe23:4567:890a")).doesNotContain("10.0.0.12")
                .doesNotContain("fe80").doesNotContain(" ::1");
        assertThat(sanitizer.scrub("call (555) 123-4567 or 555-123-4567")).doesNotContain("123-4567");
        assertThat(sanitizer.scrub("cpf 123.456.789-09")).isEqualTo("cpf [CPF]");
        assertThat(sanitizer.scrub("card 4111 1111 1111 1111 ok")).isEqualTo("card [CARD] ok");
        assertThat(sanitizer.scrub("order 4111 1111 1111 1112")).contains("4111 1111 1111 1112");
        assertThat(sanitizer.scrub("/Users/alice/projects/x and C:\\Users\\bob\\file"))
                .doesNotContain("alice").doesNotContain("bob");
    }

    @Test
    void hostileInputIsBoundedAndNeverThrows() {
        String hostile = "a@".repeat(300_000) + "\u0000\u0001\uD800\uDC00\uDFFF" + "1.".repeat(200_000)
                + "sk-" + "x".repeat(100_000) + ":".repeat(100_000);
        String scrubbed = sanitizer.scrub(hostile);
        assertThat(scrubbed.length()).isLessThanOrEqualTo(Sanitizer.MAX_INPUT);
        assertThat(sanitizer.scrub(null)).isNull();
        assertThat(sanitizer.scrub("")).isEmpty();
        assertThat(sanitizer.scrubValue(42L)).isEqualTo(42L);
        assertThat(sanitizer.scrubValue(true)).isEqualTo(true);
    }
}
