package ai.automagik.tracing.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded generator of personal data and secrets, each with the part that must not survive scrubbing and
 * the marker that must replace it, embedded in random surrounding text; and of ordinary values that must
 * survive unchanged. Same seed, same corpus: a failure names its case and reproduces.
 */
final class GeneratedPii {

    /**
     * @param kind   what was generated, for assertion messages
     * @param text   the secret as it appears in text
     * @param core   the part that must be gone after scrubbing (the name in {@code password=…} may stay)
     * @param marker the marker expected in its place
     */
    record Sample(String kind, String text, String core, String marker) {
    }

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LOWER + UPPER + DIGITS;
    private static final String HEX = "0123456789abcdef";
    /** All shorter than the 8+ letter user names generated below, so a name cannot hide in the filler. */
    private static final String[] WORDS = {"agent", "ran", "the", "tool", "with", "result", "for", "user", "query",
        "and", "then", "failed", "because", "config", "value", "model", "is", "ok", "see", "details", "Erro", "não",
        "日本", "42", "v1.0.0", "Ümlaut"};
    private static final String[][] WRAPPERS = {{" ", " "}, {"\n", "\n"}, {", ", ". "}, {" (", ") "}, {" \"", "\" "},
        {": ", "; "}, {"\t", "\t"}, {" [", "] "}, {"{\"msg\": \"", "\"}"}, {"<td>", "</td>"}, {"value=", "&x=1"},
        {"'", "'"}, {"\r\n", "\r\n"}, {"→ ", " ←"}, {"at ", ": retrying"}, {"(", "):"}};

    private final Random random;

    GeneratedPii(long seed) {
        this.random = new Random(seed);
    }

    Sample next() {
        return switch (random.nextInt(24)) {
            case 0, 1 -> email();
            case 2 -> simple("openai", "sk-" + (random.nextBoolean() ? "proj-" : "") + pick(ALNUM + "_-", 24, 64),
                    Sanitizer.API_KEY);
            case 3 -> simple("anthropic", "sk-ant-api03-" + pick(ALNUM + "_-", 80, 95) + "AA", Sanitizer.API_KEY);
            case 4 -> simple("langwatch", "sk-lw-" + pick(ALNUM, 24, 48), Sanitizer.API_KEY);
            case 5 -> simple("aws-key-id", (random.nextBoolean() ? "AKIA" : "ASIA") + pick(UPPER + "234567", 16, 16),
                    Sanitizer.API_KEY);
            case 6 -> {
                String secret = pick(ALNUM + "/+", 40, 40);
                String separator = random.nextBoolean() ? "=" : " = ";
                yield new Sample("aws-secret", "aws_secret_access_key" + separator + secret, secret, Sanitizer.REDACTED);
            }
            case 7 -> simple("github", oneOf("ghp_", "gho_", "ghu_", "ghs_", "ghr_") + pick(ALNUM, 36, 36),
                    Sanitizer.API_KEY);
            case 8 -> simple("github-pat", "github_pat_" + pick(ALNUM, 22, 22) + "_" + pick(ALNUM, 59, 59),
                    Sanitizer.API_KEY);
            case 9 -> {
                String token = pick(ALNUM + "._~+/-", 20, 60);
                yield new Sample("bearer", oneOf("Bearer ", "bearer ", "Authorization: Bearer ") + token, token,
                        Sanitizer.TOKEN);
            }
            case 10 -> simple("jwt", "eyJ" + pick(ALNUM + "_-", 10, 40) + "." + pick(ALNUM + "_-", 10, 120) + "."
                    + pick(ALNUM + "_-", 10, 60), Sanitizer.JWT);
            case 11 -> pair();
            case 12 -> jsonPair();
            case 13 -> urlCredentials();
            case 14 -> queryParameter();
            case 15 -> simple("ipv4", between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "."
                    + between(0, 255) + (random.nextBoolean() ? "" : ":" + between(1, 65535)), Sanitizer.IP);
            case 16 -> simple("ipv6", ipv6(), Sanitizer.IP);
            case 17, 18 -> simple("card", card(), Sanitizer.CARD);
            case 19 -> simple("phone", phone(), Sanitizer.PHONE);
            case 20 -> simple("cpf", digits(3) + "." + digits(3) + "." + digits(3) + "-" + digits(2), Sanitizer.CPF);
            default -> homePath();
        };
    }

    List<Sample> samples(int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(next());
        }
        return samples;
    }

    /** {@code secret} inside random words, punctuation, JSON and line breaks. */
    String embed(String secret) {
        String[] wrapper = WRAPPERS[random.nextInt(WRAPPERS.length)];
        return words() + wrapper[0] + secret + wrapper[1] + words();
    }

    /** Values that must come out of the Sanitizer unchanged: names, versions, ids, numbers, routes. */
    String ordinaryValue() {
        return switch (random.nextInt(10)) {
            case 0 -> oneOf("researcher", "web_search", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "Linux", "amd64",
                    "x86_64", "Mac OS X", "Windows 11", "pydantic_ai", "langchain4j", "IllegalStateException");
            case 1 -> between(0, 40) + "." + between(0, 99) + "." + between(0, 99)
                    + oneOf("", "-beta", "+6", "-SNAPSHOT", ".Final");
            case 2 -> UUID.nameUUIDFromBytes(pick(ALNUM, 8, 8).getBytes()).toString();
            case 3 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 4 -> pick(HEX, 16, 16);
            case 5 -> pick(HEX, 32, 32);
            case 6 -> String.valueOf(1_600_000_000_000L + (long) (random.nextDouble() * 300_000_000_000L));
            case 7 -> oneOf(String.valueOf(random.nextInt(100_000)), String.valueOf(-random.nextInt(1000)),
                    String.format(java.util.Locale.ROOT, "%.1f", random.nextDouble() * 10_000),
                    String.valueOf(random.nextInt(Integer.MAX_VALUE)));
            case 8 -> oneOf("/api/agents/{name}/run", "/api/tools/{tool}/invoke", "/api/users/{id}", "/Users/{id}/orders",
                    "/health", "/api/tracing/status", "/v1/traces");
            default -> oneOf("invoke_agent researcher", "execute_tool calculator", "chat gpt-4o", "HTTP 500",
                    "timeout after " + between(1, 999) + " ms", between(0, 23) + ":" + between(10, 59) + ":" + between(10, 59),
                    "2026-" + between(10, 12) + "-" + between(10, 28) + "T06:59:57Z", "token count", "max_tokens=" + between(1, 9999));
        };
    }

    private Sample email() {
        String local = pick(LOWER, 1, 12) + oneOf("", ".", "_", "+", "-") + pick(LOWER + DIGITS, 1, 10);
        String domain = pick(LOWER, 2, 12) + oneOf("", "." + pick(LOWER, 2, 8)) + "."
                + oneOf("com", "co.uk", "com.br", "io", "ai", "technology");
        String address = random.nextInt(5) == 0 ? (local + "@" + domain).toUpperCase() : local + "@" + domain;
        return simple("email", address, Sanitizer.EMAIL);
    }

    private Sample pair() {
        String name = oneOf("key", "token", "password", "secret", "api_key", "apiKey", "API-KEY", "access_token",
                "client_secret", "passwd", "db.password");
        // No brackets, commas or semicolons: those end an unquoted value, see SecretAssignmentRule.
        String value = pick(ALNUM + "!#$%*^-_", 6, 30);
        String separator = oneOf("=", ": ", " = ", ":");
        return new Sample("pair " + name, name + separator + value, value, Sanitizer.REDACTED);
    }

    private Sample jsonPair() {
        String name = oneOf("token", "password", "secret", "api_key", "apiKey", "Authorization", "private_key");
        String value = pick(ALNUM + " !#$%&*-_./", 6, 40).strip() + pick(ALNUM, 1, 1);
        String quote = random.nextInt(4) == 0 ? "'" : "\"";
        String json = quote + name + quote + oneOf(": ", ":", " : ") + quote + value + quote;
        return new Sample("json " + name, json, value, Sanitizer.REDACTED);
    }

    private Sample urlCredentials() {
        String user = pick(LOWER, 8, 12);
        String password = pick(ALNUM + "!$*-_.~", 6, 20);
        String url = oneOf("https://", "http://", "postgres://", "redis://", "amqp://") + user + ":" + password + "@"
                + pick(LOWER, 3, 10) + oneOf(".internal", ".example.com", ":5432") + oneOf("", "/app", "/v1/traces");
        return new Sample("url-credentials", url, user + ":" + password, Sanitizer.CREDENTIALS);
    }

    private Sample queryParameter() {
        String name = oneOf("token", "api_key", "access_token", "code", "sig", "password", "apikey", "X-Amz-Signature");
        String value = pick(ALNUM + "-_.%", 8, 40);
        String url = "https://" + pick(LOWER, 3, 10) + ".example.com/callback?" + oneOf("", "page=2&") + name + "=" + value
                + oneOf("", "&lang=en", "#top");
        return new Sample("query " + name, url, value, Sanitizer.REDACTED);
    }

    private String ipv6() {
        return switch (random.nextInt(5)) {
            case 0 -> {
                StringBuilder full = new StringBuilder(pick(HEX, 1, 4));
                for (int i = 0; i < 6; i++) {
                    full.append(':').append(pick(HEX, 1, 4));
                }
                yield full.append(':').append(pick(HEX, 0, 3)).append(digits(1)).toString();
            }
            case 1 -> "fe80::" + pick(HEX, 1, 4) + ":" + pick(HEX, 1, 4) + ":" + digits(1) + pick(HEX, 0, 3);
            case 2 -> "2001:db8:" + pick(HEX, 1, 4) + "::" + digits(1);
            case 3 -> "::ffff:" + between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(0, 255);
            default -> oneOf("::1", "2001:4860:4860::8888", "2606:4700:4700::1111");
        };
    }

    /** A Luhn-valid number of a real card network's length, written plain, with spaces or with dashes. */
    private String card() {
        String prefix = oneOf("4", "51", "55", "2221", "34", "37", "6011", "65", "36", "35");
        int length = prefix.equals("34") || prefix.equals("37") ? 15
                : prefix.equals("36") ? 14 : prefix.equals("4") ? oneOf(13, 16, 19) : oneOf(16, 17, 18, 19);
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (CardNumbers.luhnValid(digits.toString() + check)) {
                digits.append(check);
                break;
            }
        }
        String plain = digits.toString();
        String separator = oneOf("", " ", "-");
        if (separator.isEmpty()) {
            return plain;
        }
        if (length == 15 || length == 14) {
            return plain.substring(0, 4) + separator + plain.substring(4, 10) + separator + plain.substring(10);
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 4) {
            grouped.append(i == 0 ? "" : separator).append(plain, i, Math.min(plain.length(), i + 4));
        }
        return grouped.toString();
    }

    private String phone() {
        return switch (random.nextInt(6)) {
            case 0 -> "+55 " + digits(2) + " 9" + digits(4) + "-" + digits(4);
            case 1 -> "(" + between(201, 989) + ") " + digits(3) + "-" + digits(4);
            case 2 -> between(201, 989) + "-" + digits(3) + "-" + digits(4);
            case 3 -> "+1 (" + between(201, 989) + ") " + digits(3) + "-" + digits(4);
            case 4 -> "+44 20 " + digits(4) + " " + digits(4);
            default -> "+" + between(1, 99) + digits(9);
        };
    }

    private Sample homePath() {
        String user = pick(LOWER, 8, 12);
        String tail = oneOf("", "/projects", "/docs/report.pdf", "/.config/app/settings.yaml", "/app.log");
        return switch (random.nextInt(4)) {
            case 0 -> new Sample("home-linux", "/home/" + user + tail, user, Sanitizer.PATH);
            case 1 -> new Sample("home-mac", "/Users/" + user + tail, user, Sanitizer.PATH);
            case 2 -> new Sample("home-windows", "C:\\Users\\" + user + tail.replace('/', '\\'), user, Sanitizer.PATH);
            default -> new Sample("home-windows-json", "C:\\\\Users\\\\" + user + tail.replace("/", "\\\\"), user,
                    Sanitizer.PATH);
        };
    }

    private Sample simple(String kind, String secret, String marker) {
        return new Sample(kind, secret, secret, marker);
    }

    private String words() {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : oneOf(" ", "  ", "\n", ", ")).append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private String pick(String alphabet, int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String digits(int count) {
        return pick(DIGITS, count, count);
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    @SafeVarargs
    private <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
