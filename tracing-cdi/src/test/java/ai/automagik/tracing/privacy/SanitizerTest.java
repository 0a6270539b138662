package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizerTest {

    private final Sanitizer sanitizer = Sanitizer.defaults();

    @Test
    void noGeneratedSecretSurvivesInSurroundingTextAndItsMarkerTakesItsPlace() {
        GeneratedPii corpus = new GeneratedPii(20251124L);
        Map<String, Integer> perKind = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            GeneratedPii.Sample sample = corpus.next();
            String text = corpus.embed(sample.text());
            String scrubbed = sanitizer.scrub(text);
            assertThat(scrubbed).as("case %d, %s in %s", i, sample.kind(), text)
                    .doesNotContain(sample.core())
                    .contains(sample.marker());
            perKind.merge(sample.kind().split(" ")[0], 1, Integer::sum);
        }
        // The generator must really have produced every kind, or the loop above proves less than it says.
        assertThat(perKind.keySet()).contains("email", "openai", "anthropic", "langwatch", "aws-key-id", "aws-secret",
                "github", "github-pat", "bearer", "jwt", "pair", "json", "url-credentials", "query", "ipv4", "ipv6",
                "card", "phone", "cpf", "home-linux", "home-mac", "home-windows", "home-windows-json");
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isGreaterThan(20));
    }

    @Test
    void ordinaryGeneratedValuesSurviveUnchangedAloneAndInText() {
        GeneratedPii corpus = new GeneratedPii(77L);
        for (int i = 0; i < 2000; i++) {
            String value = corpus.ordinaryValue();
            assertThat(sanitizer.scrub(value)).as("case %d", i).isEqualTo(value);
            String text = "agent researcher reported " + value + ", then stopped";
            assertThat(sanitizer.scrub(text)).as("case %d", i).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"researcher", "web_search", "gpt-4o-mini", "claude-3-5-sonnet-20241022",
        "meta-llama/Llama-3-8B-Instruct", "1.0.0", "24.10.10", "17.0.15", "17.0.15+6-LTS", "v2.3.1-beta",
        "v26.0.0.3", "openliberty-26.0.0.3", "/api/agents/{name}/run", "/Users/{id}/orders", "/api/tracing/status",
        "1234.5", "42", "-3", "0.1", "1700000000000", "1700000000000000000",
        "6f1c1c9e-58a4-4c8a-9d55-5d3c5e0f7a11", "12345678-1234-4123-8123-123456789012", "0123456789abcdef",
        "4bf92f3577b34da6a3ce929d0e0e4736", "Linux", "amd64", "Mac OS X", "IllegalStateException", "HTTP 500",
        "12:30:45", "Map::get", "std::string", "2026-11-24T06:59:57Z", "2026-11-24", "C:\\Program Files\\App",
        "/var/log/app.log", "/home", "key", "token count", "the password was rotated", "max_tokens=100",
        "input_tokens: 1200", "monkey=banana", "author=Alice", "tokenizer=cl100k_base", "sk-learn-model-selection",
        "Bearer of bad news", "bearer certificate", "status: ok", "order 4111 1111 1111 1112",
        "localhost:8080", "user@localhost", "a = b", "x == token"})
    void ordinaryValuesSurviveUnchanged(String value) {
        assertThat(sanitizer.scrub(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "contact maria.silva@example.com.br now|contact [EMAIL] now",
        "url https://bob:hunter2@example.com/x|url https://[CREDENTIALS]@example.com/x",
        "GET /cb?code=abc123&token=s3cr3t&page=2|GET /cb?code=[REDACTED]&token=[REDACTED]&page=2",
        "{\"api_key\": \"xyz-987\", \"model\": \"gpt\"}|{\"api_key\": \"[REDACTED]\", \"model\": \"gpt\"}",
        "{user=bob, password=hunter2}|{user=bob, password=[REDACTED]}",
        "\"{\\\"password\\\": \\\"hunter2\\\"}\"|\"{\\\"password\\\": \\\"[REDACTED]\\\"}\"",
        "{\"note\": \"password=abc\"}|{\"note\": \"password=[REDACTED]\"}",
        "{\"secret\": \"a \\\"quoted\\\" one\"}|{\"secret\": \"[REDACTED]\"}",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|aws_secret_access_key = [REDACTED]",
        "Authorization: Basic dXNlcjpwYXNzd29yZA== next|Authorization: [REDACTED] next",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz123|Authorization: Bearer [TOKEN]",
        "keys AKIAIOSFODNN7EXAMPLE ASIAY34FZKBOKMUTVV7A|keys [API_KEY] [API_KEY]",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a and github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz|[API_KEY] and [API_KEY]",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U.|jwt [JWT].",
        "from 10.0.0.12, ::1 and fe80::1ff:fe23:4567:890a.|from [IP], [IP] and [IP].",
        "peer [2001:db8::7]:443 and ::ffff:192.168.1.1|peer [[IP]]:443 and [IP]",
        "unreachable at fe80::1ff:fe23:4567:890a: retrying|unreachable at [IP]: retrying",
        "call (555) 123-4567 or 555-123-4567 or +55 11 91234-5678|call [PHONE] or [PHONE] or [PHONE]",
        "cpf 123.456.789-09|cpf [CPF]",
        "card 4111 1111 1111 1111 ok; amex 3782-822463-10005|card [CARD] ok; amex [CARD]",
        "paid 4111111111111111 in 2024|paid [CARD] in 2024",
        "cards 4111 1111 1111 1111 43 and 3782-822463-10005-7|cards [CARD] 43 and [CARD]-7",
        "/Users/alice/projects/x and C:\\Users\\bob\\file and /home/carol|[PATH]/x and [PATH]\\file and [PATH]",
        "open C:\\Users\\John Smith\\Documents\\cv.pdf|open [PATH]\\cv.pdf",
        "server 26.0.0.3 up|server [IP] up",
    })
    void eachKindBecomesItsMarkerInContext(String input, String expected) {
        assertThat(sanitizer.scrub(input)).isEqualTo(expected);
    }

    @Test
    void privateKeyBlocksAreRemovedWhole() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7b+Lz\nq2Tn0x/9Ew==\n-----END RSA PRIVATE KEY-----\ndone";
        assertThat(sanitizer.scrub(pem)).isEqualTo("key:\n[PRIVATE_KEY]\ndone");
    }

    @Test
    void controlCharactersAreRemovedAndLoneSurrogatesReplaced() {
        String text = "a\u0000b\u0007c\td\ne\u007F \uD800 x\uDC00 \uD83D\uDE00";
        assertThat(sanitizer.scrub(text)).isEqualTo("abc\td\ne \uFFFD x\uFFFD \uD83D\uDE00");
    }

    /** Linear patterns take seconds for all of these; a pattern that backtracks would take hours, hence the bound. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void hostileInputOfAMegabyteIsBoundedAndNeverThrows() {
        String[] hostile = {
            "a@".repeat(500_000), "1.".repeat(500_000), ":".repeat(1_000_000), "sk-".repeat(340_000),
            "eyJa.".repeat(200_000), "a=".repeat(500_000), "password=\"".repeat(100_000), "/home/".repeat(170_000),
            "4111 ".repeat(200_000), "+1 ".repeat(340_000), "C:\\Users\\".repeat(100_000), "fe80:".repeat(200_000),
            "\\\\\"".repeat(340_000), "key: ".repeat(200_000), "\uD800\u0000".repeat(500_000),
            "x".repeat(Sanitizer.MAX_INPUT + 100_000),
            // The identifier kinds: digit runs (CPF, CNPJ, phones), IBAN starts, key prefixes, base64 runs
            // (AWS and Azure keys), webhook hosts, XML pairs, names in other scripts, private key bodies.
            "1".repeat(1_000_000), "1 ".repeat(500_000), "123 ".repeat(250_000), "0044 ".repeat(200_000),
            "(11) ".repeat(200_000), "415 555 ".repeat(125_000), "12.345.678/".repeat(91_000), "DE89 ".repeat(200_000),
            "A3-".repeat(340_000), "glpat-".repeat(170_000), "aaa1Q~".repeat(170_000), "aB3/".repeat(250_000),
            "https://hooks.slack.com/services/".repeat(31_000), "<add key=\"a\" value=\"".repeat(50_000),
            "senha=".repeat(170_000), "ñ=".repeat(500_000), "secret access key ".repeat(56_000),
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\n" + "-a".repeat(500_000),
        };
        for (String text : hostile) {
            String scrubbed = sanitizer.scrub(text);
            assertThat(scrubbed.length()).isLessThanOrEqualTo(Sanitizer.MAX_INPUT);
        }
        // Markers longer than what they replace must not push the output past the cap either.
        assertThat(sanitizer.scrub("password=x ".repeat(200_000))).hasSizeLessThanOrEqualTo(Sanitizer.MAX_INPUT)
                .startsWith("password=[REDACTED] password=[REDACTED]");
    }

    @Test
    void nullAndEmptyStayAsTheyAreAndValuesKeepTheirType() {
        assertThat(sanitizer.scrub(null)).isNull();
        assertThat(sanitizer.scrub("")).isEmpty();
        assertThat(sanitizer.scrubValue(42L)).isEqualTo(42L);
        assertThat(sanitizer.scrubValue(12.5)).isEqualTo(12.5);
        assertThat(sanitizer.scrubValue(Boolean.TRUE)).isEqualTo(true);
        assertThat(sanitizer.scrubValue(null)).isNull();
        assertThat(sanitizer.scrubValue("mail bob@example.com")).isEqualTo("mail [EMAIL]");
        assertThat(sanitizer.scrubValue(new StringBuilder("at 10.1.2.3"))).isEqualTo("at [IP]");
    }

    @Test
    void cardChecksNeedLuhnAndCardGrouping() {
        assertThat(CardNumbers.isCard("4111111111111111")).isTrue();
        assertThat(CardNumbers.isCard("4111111111111112")).isFalse();
        assertThat(CardNumbers.isCard("4111-1111-1111-1111")).isTrue();
        assertThat(CardNumbers.isCard("41111111-1111-1111")).as("UUID-like grouping").isFalse();
        assertThat(CardNumbers.isCard("411111111111")).as("12 digits").isFalse();
    }

    @Test
    void ipv6GrammarRejectsClockTimesMacsAndCode() {
        assertThat(Ipv6Syntax.isAddress("2001:db8::1")).isTrue();
        assertThat(Ipv6Syntax.isAddress("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(Ipv6Syntax.isAddress("::ffff:10.0.0.1")).isTrue();
        assertThat(Ipv6Syntax.isAddress("12:30:45")).isFalse();
        assertThat(Ipv6Syntax.isAddress("00:1A:2B:3C:4D:5E")).isFalse();
        assertThat(Ipv6Syntax.isAddress("1::2::3")).isFalse();
        assertThat(Ipv6Syntax.isAddress("1::2:")).isFalse();
        assertThat(Ipv6Syntax.isAddress("cafe::beef")).isFalse();
        assertThat(Ipv6Syntax.isAddress("1:2:3:4:5:6:7:8:9")).isFalse();
    }

    @Test
    void secretNamesAreRecognisedByWholePartsAndLongWords() {
        assertThat(SecretNames.looksSecret("password")).isTrue();
        assertThat(SecretNames.looksSecret("X-Api-Key")).isTrue();
        assertThat(SecretNames.looksSecret("apiKey")).isTrue();
        assertThat(SecretNames.looksSecret("AWS_SECRET_ACCESS_KEY")).isTrue();
        assertThat(SecretNames.looksSecret("accessToken")).isTrue();
        assertThat(SecretNames.looksSecret("Set-Cookie")).isTrue();
        assertThat(SecretNames.looksSecret("auth")).isTrue();
        assertThat(SecretNames.looksSecret("monkey")).isFalse();
        assertThat(SecretNames.looksSecret("author")).isFalse();
        assertThat(SecretNames.looksSecret("max_tokens")).isFalse();
        assertThat(SecretNames.looksSecret("token_count")).isFalse();
        assertThat(SecretNames.looksSecret("tokenizer")).isFalse();
        assertThat(SecretNames.looksSecret("code")).isFalse();
        assertThat(SecretNames.looksSecretInQuery("code")).isTrue();
        assertThat(SecretNames.looksSecretInQuery("X-Amz-Signature")).isTrue();
    }
}
