package ai.automagik.tracing.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Seeded, table-driven corpus of identifiers and secrets in every written form the Sanitizer promises to
 * catch, each with the exact text it must become, and of ordinary values that must survive unchanged; both
 * are embedded in the same set of surrounding texts. Same seed, same corpus: a failure names its kind and
 * reproduces.
 */
final class IdentifierCorpus {

    /**
     * @param kind     what was generated, for assertion messages and counts
     * @param text     the identifier as it appears in text
     * @param core     the part that must be gone after scrubbing
     * @param marker   the marker expected in its place
     * @param expected what {@code text} must become, exactly (the name of an assignment and the host of a
     *                 webhook stay)
     * @param endsAtPeriod whether a period right after it is prose and must survive; false for assignment
     *                 values, whose unquoted value runs on to the next space
     */
    record Sample(String kind, String text, String core, String marker, String expected, boolean endsAtPeriod) {
    }

    /** Prose around a sample: before and after. Each is used with every sample. */
    static final List<String[]> CONTEXTS = List.of(
            new String[] {"", ""},
            new String[] {"sent to ", " yesterday"},
            new String[] {"(", ")"},
            new String[] {"\"", "\""},
            new String[] {"{\"note\": \"", "\", \"count\": 3}"},
            new String[] {"<td>", "</td>"},
            new String[] {"[", "]"},
            new String[] {"→ ", " ←"},
            new String[] {"2026-11-24T06:59:57Z INFO agent researcher used ", " in 35 ms"},
            new String[] {"\t", "\n"},
            new String[] {"Erro: ", ", tente de novo"},
            new String[] {"line one\n", "\r\nline three"},
            new String[] {"é ", " ok; então"},
            new String[] {"- ", ";"});

    /** Contexts that end the sample with a period, used only where a period is not part of the value. */
    static final List<String[]> SENTENCE_CONTEXTS = List.of(
            new String[] {"It was ", "."},
            new String[] {"see ", ". Next, HTTP 500"});

    private static final String DIGITS = "0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String HEX = "0123456789abcdef";

    private final Random random;
    private final Map<String, Supplier<Sample>> kinds = new LinkedHashMap<>();

    IdentifierCorpus(long seed) {
        this.random = new Random(seed);
        kinds.put("cpf-printed", () -> marked("cpf-printed", format(cpf(), "###.###.###-##"), Sanitizer.CPF));
        kinds.put("cpf-bare", () -> marked("cpf-bare", cpf(), Sanitizer.CPF));
        kinds.put("cpf-dash", () -> marked("cpf-dash", format(cpf(), "#########-##"), Sanitizer.CPF));
        kinds.put("cpf-spaced", () -> marked("cpf-spaced", format(cpf(), oneOf("### ### ### ##", "### ### ###-##")),
                Sanitizer.CPF));
        kinds.put("cnpj-printed", () -> marked("cnpj-printed", format(cnpj(false), "##.###.###/####-##"),
                Sanitizer.CNPJ));
        kinds.put("cnpj-bare", () -> marked("cnpj-bare", cnpj(false), Sanitizer.CNPJ));
        kinds.put("cnpj-partly-printed", () -> marked("cnpj-partly-printed",
                format(cnpj(false), oneOf("########/####-##", "############-##", "########/######")), Sanitizer.CNPJ));
        kinds.put("cnpj-alphanumeric", () -> marked("cnpj-alphanumeric", format(cnpj(true), "##.###.###/####-##"),
                Sanitizer.CNPJ));
        kinds.put("iban-compact", () -> marked("iban-compact", iban(), Sanitizer.IBAN));
        kinds.put("iban-grouped", () -> marked("iban-grouped", grouped(iban(), 4), Sanitizer.IBAN));
        kinds.put("iban-odd-groups", () -> marked("iban-odd-groups", oddlyGrouped(iban()), Sanitizer.IBAN));
        kinds.put("iban-lowercase", () -> marked("iban-lowercase", iban().toLowerCase(java.util.Locale.ROOT),
                Sanitizer.IBAN));
        kinds.put("phone-br-area-code", () -> marked("phone-br-area-code", areaCode() + " 9" + pick(DIGITS, 4)
                + oneOf("-", " ") + pick(DIGITS, 4), Sanitizer.PHONE));
        kinds.put("phone-br-parentheses", () -> marked("phone-br-parentheses", "(" + oneOf("", "0") + areaCode() + ")"
                + oneOf(" ", "") + "9" + pick(DIGITS, 4) + oneOf("-", " ") + pick(DIGITS, 4), Sanitizer.PHONE));
        kinds.put("phone-br-trunk", () -> marked("phone-br-trunk", "0" + areaCode() + " 9" + pick(DIGITS, 4)
                + oneOf("-", " ") + pick(DIGITS, 4), Sanitizer.PHONE));
        kinds.put("phone-br-bare", () -> marked("phone-br-bare", brazilianMobile(), Sanitizer.PHONE));
        kinds.put("phone-us-dashes", () -> marked("phone-us-dashes", oneOf("", "1-") + usNumber("-"), Sanitizer.PHONE));
        kinds.put("phone-us-dots", () -> marked("phone-us-dots", usNumber("."), Sanitizer.PHONE));
        kinds.put("phone-us-spaces", () -> marked("phone-us-spaces", oneOf("", "1 ") + usNumber(" "), Sanitizer.PHONE));
        kinds.put("phone-us-parentheses", () -> marked("phone-us-parentheses", "(" + between(201, 989) + ")"
                + oneOf(" ", "") + between(201, 989) + oneOf("-", " ", ".") + pick(DIGITS, 4), Sanitizer.PHONE));
        kinds.put("phone-international-00", () -> marked("phone-international-00", oneOf(
                "0044 20 " + pick(DIGITS, 4) + " " + pick(DIGITS, 4),
                "0055 " + areaCode() + " 9" + pick(DIGITS, 4) + " " + pick(DIGITS, 4),
                "0049 30 " + pick(DIGITS, 7),
                "00351 21 " + pick(DIGITS, 3) + " " + pick(DIGITS, 4),
                "001-" + between(201, 989) + "-" + between(201, 989) + "-" + pick(DIGITS, 4)), Sanitizer.PHONE));
        key("gitlab-pat", () -> "glpat-" + pick(ALNUM + "_-", 20));
        key("gitlab-other", () -> oneOf("gldt-", "glrt-", "glptt-", "glft-", "glcbt-", "glimt-", "gloas-", "glsoat-")
                + pick(ALNUM + "_-", between(20, 40)));
        key("gitlab-runner-registration", () -> "GR1348941" + pick(ALNUM + "_-", 20));
        key("npm", () -> "npm_" + pick(ALNUM, 36));
        key("stripe", () -> oneOf("sk_live_", "rk_live_", "sk_test_", "rk_test_", "pk_live_", "pk_test_")
                + pick(ALNUM, between(24, 99)));
        key("stripe-webhook-secret", () -> "whsec_" + pick(ALNUM, 32));
        key("google-api", () -> "AIza" + pick(ALNUM + "_-", 35));
        key("google-oauth-client-secret", () -> "GOCSPX-" + pick(ALNUM + "_-", 28));
        key("google-oauth-token", () -> "ya29." + oneOf("", "c.", "a0") + pick(ALNUM + "_-", between(40, 160))
                + pick(ALNUM, 1));
        key("1password-secret-key", () -> "A3-" + pick(UPPER + DIGITS, 6) + "-"
                + oneOf(pick(UPPER + DIGITS, 11), pick(UPPER + DIGITS, 6) + "-" + pick(UPPER + DIGITS, 5))
                + "-" + pick(UPPER + DIGITS, 5) + "-" + pick(UPPER + DIGITS, 5) + "-" + pick(UPPER + DIGITS, 5));
        key("1password-service-account", () -> "ops_eyJ" + pick(ALNUM + "_-", between(100, 400)) + pick(ALNUM, 1));
        key("age", () -> "AGE-SECRET-KEY-1" + pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58));
        key("azure-ad-client-secret", () -> pick(ALNUM, 3) + pick(DIGITS, 1) + "Q~" + pick(ALNUM + "_~.-", between(30, 33))
                + pick(ALNUM, 1));
        key("twilio", () -> oneOf("SK", "AC") + pick(HEX, 32));
        key("sendgrid", () -> "SG." + pick(ALNUM + "_-", 22) + "." + pick(ALNUM + "_-", 43));
        key("shopify", () -> oneOf("shpat_", "shpss_", "shpca_", "shppa_") + pick(HEX, 32));
        key("digitalocean", () -> oneOf("dop_v1_", "doo_v1_", "dor_v1_") + pick(HEX, 64));
        key("slack-app", () -> "xapp-1-" + pick(UPPER + DIGITS, 11) + "-" + pick(DIGITS, 13) + "-" + pick(HEX, 64));
        key("groq", () -> "gsk_" + pick(ALNUM, 52));
        key("xai", () -> "xai-" + pick(ALNUM, 80));
        key("perplexity", () -> "pplx-" + pick(ALNUM, 48));
        key("replicate", () -> "r8_" + pick(ALNUM, 37));
        key("langsmith", () -> oneOf("lsv2_pt_", "lsv2_sk_") + pick(HEX, 32) + "_" + pick(HEX, 10));
        key("langfuse", () -> oneOf("sk-lf-", "pk-lf-") + new UUID(random.nextLong(), random.nextLong()));
        key("openrouter", () -> "sk-or-v1-" + pick(HEX, 64));
        key("deepseek", () -> "sk-" + pick(HEX, 31) + pick(DIGITS, 1));
        kinds.put("pem", () -> marked("pem", pem(oneOf("RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "DSA ", ""), "\n"),
                Sanitizer.PRIVATE_KEY));
        kinds.put("pem-pgp", () -> marked("pem-pgp", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n"
                + "Comment: GPGTools - https://gpgtools.org\n\n" + base64Lines(between(2, 8), "\n") + "\n="
                + pick(ALNUM, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----", Sanitizer.PRIVATE_KEY));
        kinds.put("pem-in-json-string", () -> marked("pem-in-json-string", pem(oneOf("", "RSA ", "EC "), "\\n") + "\\n",
                Sanitizer.PRIVATE_KEY));
        kinds.put("aws-secret-bare", () -> marked("aws-secret-bare", awsSecret(true), Sanitizer.API_KEY));
        named("aws-secret-cli", () -> "aws configure set aws_secret_access_key ", () -> awsSecret(false), "", true);
        named("aws-secret-prompt", () -> "AWS Secret Access Key [" + oneOf("None", "****************MPLE") + "]: ",
                () -> awsSecret(false), "", true);
        named("aws-secret-env", () -> oneOf("AWS_SECRET_ACCESS_KEY=", "aws_secret_access_key = ", "export AWS_SECRET_ACCESS_KEY="),
                () -> awsSecret(false), "", false);
        named("aws-secret-json", () -> "\"SecretAccessKey\": \"", () -> awsSecret(false), "\"", true);
        kinds.put("azure-storage-key", () -> marked("azure-storage-key", pick(ALNUM, 1) + pick(ALNUM + "+/", 85) + "==",
                Sanitizer.API_KEY));
        named("azure-connection-string", () -> "DefaultEndpointsProtocol=https;AccountName=" + pick(LOWER, 10)
                + ";AccountKey=", () -> pick(ALNUM + "+/", 86) + "==", ";EndpointSuffix=core.windows.net", true);
        kinds.put("gcp-private-key", () -> {
            String key = pem("", "\\n") + "\\n";
            return new Sample("gcp-private-key", "\"private_key\": \"" + key + "\"", key, Sanitizer.PRIVATE_KEY,
                    "\"private_key\": \"" + Sanitizer.PRIVATE_KEY + "\"", true);
        });
        named("gcp-private-key-id", () -> "\"private_key_id\": \"", () -> pick(HEX, 40), "\"", true);
        webhook("webhook-slack", () -> "https://hooks.slack.com/", () -> oneOf("services/", "workflows/", "triggers/")
                + "T" + pick(UPPER + DIGITS, between(8, 10)) + "/" + oneOf("B", "A") + pick(UPPER + DIGITS, between(8, 10)) + "/"
                + pick(ALNUM, 24));
        webhook("webhook-discord", () -> "https://" + oneOf("discord.com", "discordapp.com", "ptb.discord.com",
                "canary.discord.com") + "/", () -> "api/" + oneOf("", "v10/") + "webhooks/" + pick(DIGITS, 18) + "/"
                + pick(ALNUM + "_-", 67) + pick(ALNUM, 1));
        webhook("webhook-teams", () -> "https://" + pick(LOWER, between(4, 12)) + ".webhook.office.com/",
                () -> "webhookb2/" + uuid() + "@" + uuid() + "/IncomingWebhook/" + pick(HEX, 32) + "/" + uuid()
                        + oneOf("", "/V2" + pick(ALNUM + "_-", 44) + pick(ALNUM, 1)));
        webhook("webhook-office-legacy", () -> "https://" + oneOf("outlook.office.com", "outlook.office365.com") + "/",
                () -> "webhook/" + uuid() + "@" + uuid() + "/IncomingWebhook/" + pick(HEX, 32) + "/" + uuid());
        webhook("webhook-zapier", () -> "https://hooks.zapier.com/", () -> "hooks/catch/" + pick(DIGITS, 7) + "/"
                + pick(LOWER + DIGITS, 7) + oneOf("", "/"));
        named("name-pt-es-equals", () -> oneOf("senha", "Senha", "SENHA", "contraseña", "contrasena", "Contraseña", "clave",
                "chave", "chave_api", "chaveApi", "clave_api", "token_acesso", "segredo", "secreto", "palavra-passe",
                "senhaBanco", "nova_senha", "llave_api") + oneOf("=", " = ", ": ", ":"), this::assignedValue, "", false);
        kinds.put("name-pt-es-json", () -> {
            String quote = oneOf("\"", "'");
            String name = quote + oneOf("senha", "contraseña", "clave", "chave", "segredo", "secreto", "palavra-passe",
                    "token_acesso") + quote + oneOf(": ", ":") + quote;
            String value = assignedValue() + oneOf("", " com espaço", ". Fim");
            return new Sample("name-pt-es-json", name + value + quote, value, Sanitizer.REDACTED,
                    name + Sanitizer.REDACTED + quote, true);
        });
        kinds.put("nuget-cleartext-password", () -> {
            String value = assignedValue() + oneOf("", " with spaces");
            String name = oneOf("ClearTextPassword", "Password", "ApiKey", "senha");
            return new Sample("nuget-cleartext-password", "<add key=\"" + name + "\" value=\"" + value + "\" />", value,
                    Sanitizer.REDACTED, "<add key=\"" + name + "\" value=\"" + Sanitizer.REDACTED + "\" />", true);
        });
    }

    /** The names of the kinds, in the order they were added. */
    List<String> kinds() {
        return List.copyOf(kinds.keySet());
    }

    /** {@code count} fresh samples of {@code kind}. */
    List<Sample> samples(String kind, int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(kinds.get(kind).get());
        }
        return samples;
    }

    /** Ordinary values that must come out of the Sanitizer unchanged, {@code count} of each shape. */
    List<String> ordinaryValues(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(between(0, 40) + "." + between(0, 99) + "." + between(0, 99)
                    + oneOf("", "-beta", "+6", "-SNAPSHOT", ".Final", "+6-LTS", "-rc.1"));
            values.add(String.valueOf(random.nextInt(100_000)));
            values.add(between(1, 999) + oneOf(" ms", "ms", " s", "s", " tokens", " requests", "%", " MB"));
            values.add("2026-" + two(between(1, 12)) + "-" + two(between(1, 28)) + oneOf("", "T06:59:57Z",
                    "T" + two(between(0, 23)) + ":" + two(between(0, 59)) + ":" + two(between(0, 59)) + "."
                            + between(100, 999) + "Z", " " + two(between(0, 23)) + ":" + two(between(0, 59))));
            values.add(String.valueOf(1_600_000_000_000L + (long) (random.nextDouble() * 300_000_000_000L)));
            values.add(String.valueOf(1_600_000_000L + random.nextInt(300_000_000)));
            values.add(oneOf("HTTP ", "HTTP/1.1 ", "status ") + oneOf("200 OK", "404 Not Found", "500", "503",
                    "429 Too Many Requests"));
            values.add(pick(HEX, 40));
            values.add(new UUID(random.nextLong(), random.nextLong()).toString());
            values.add(pick(HEX, 32));
            values.add(pick(HEX, 16));
            values.add(oneOf("localhost:", "port ", "db:", "listening on :") + between(1, 65535));
            values.add(failingCpfNumber());
            values.add(failingCnpjNumber());
            values.add(oneOf("/api/agents/{name}/run", "/api/tools/{tool}/invoke", "/api/users/{id}", "/v1/traces",
                    "/api/tracing/status", "/Users/{id}/orders"));
            values.add("2026-11-24T06:59:57" + oneOf("+01:00", "-03:00", "+05:30", ".123456789Z"));
            values.add(oneOf(between(1, 999) + "," + between(100, 999) + "," + between(100, 999),
                    between(1, 99) + " " + between(100, 999) + " " + between(100, 999), "PT" + between(1, 59) + "M"
                            + between(1, 59) + "." + between(1, 9) + "S"));
            values.add(oneOf("sha256:" + pick(HEX, 64), "sha256-" + pick(ALNUM + "+/", 43) + "=",
                    "sha512-" + pick(ALNUM + "+/", 86) + "==", "git " + pick(HEX, 7)));
            values.add(oneOf("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "llama-3.1-70b-instruct",
                    "gemini-1.5-pro-002", "mistral-large-2411", "text-embedding-3-large", "o1-mini"));
        }
        return values;
    }

    /** An 11-digit number that is no CPF (its check digits fail) and no Brazilian mobile number. */
    String failingCpfNumber() {
        while (true) {
            String number = between(1, 9) + pick(DIGITS, 10);
            if (!CheckDigits.isCpf(number) && number.charAt(2) != '9') {
                return number;
            }
        }
    }

    /** A 14-digit number that is no CNPJ (its check digits fail) and no card number (its Luhn digit fails). */
    String failingCnpjNumber() {
        while (true) {
            String number = between(1, 9) + pick(DIGITS, 13);
            if (!CheckDigits.isCnpj(number) && !CardNumbers.luhnValid(number)) {
                return number;
            }
        }
    }

    /** A CPF with valid check digits, not all one digit. */
    String cpf() {
        while (true) {
            String number = pick(DIGITS, 9);
            for (int check = 0; check < 100; check++) {
                String candidate = number + two(check);
                if (CheckDigits.isCpf(candidate)) {
                    return candidate;
                }
            }
        }
    }

    /** A CNPJ with valid check digits; with {@code letters}, its first twelve characters mix capitals in. */
    String cnpj(boolean letters) {
        while (true) {
            String base = letters ? pick(UPPER + DIGITS, 8) + pick(DIGITS + UPPER, 4) : pick(DIGITS, 8)
                    + oneOf("0001", "0002", pick(DIGITS, 4));
            if (letters && base.chars().allMatch(Character::isDigit)) {
                continue;
            }
            for (int check = 0; check < 100; check++) {
                String candidate = base + two(check);
                if (CheckDigits.isCnpj(candidate)) {
                    return candidate;
                }
            }
        }
    }

    /**
     * A valid IBAN of a random country among those with different layouts: its BBAN template has
     * {@code n} for digits, {@code a} for capitals and {@code c} for either, each followed by a count.
     */
    String iban() {
        String[] choice = oneOf(new String[] {"DE", "n18"}, new String[] {"GB", "a4n14"}, new String[] {"NL", "a4n10"},
                new String[] {"BR", "n23a1c1"}, new String[] {"IT", "a1n10c12"}, new String[] {"FR", "n10c11n2"},
                new String[] {"BE", "n12"}, new String[] {"NO", "n11"}, new String[] {"ES", "n20"},
                new String[] {"CH", "n5c12"}, new String[] {"PL", "n24"}, new String[] {"PT", "n21"},
                new String[] {"MT", "a4n5c18"}, new String[] {"SA", "n2c18"}, new String[] {"AT", "n16"},
                new String[] {"IE", "a4n14"}, new String[] {"SE", "n20"}, new String[] {"RU", "n29"});
        StringBuilder bban = new StringBuilder();
        java.util.regex.Matcher part = java.util.regex.Pattern.compile("([nac])(\\d+)").matcher(choice[1]);
        while (part.find()) {
            String alphabet = switch (part.group(1)) {
                case "n" -> DIGITS;
                case "a" -> UPPER;
                default -> UPPER + DIGITS;
            };
            bban.append(pick(alphabet, Integer.parseInt(part.group(2))));
        }
        for (int check = 2; check < 99; check++) {
            String candidate = choice[0] + two(check) + bban;
            if (CheckDigits.ibanMod97(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no check digits for " + bban);
    }

    /** The country code and check digits, then the rest in groups of a random size as people type them. */
    String oddlyGrouped(String iban) {
        return iban.substring(0, 4) + " " + grouped(iban.substring(4), between(2, 7));
    }

    /** {@code value} in groups of {@code size} separated by single spaces. */
    static String grouped(String value, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += size) {
            out.append(i == 0 ? "" : " ").append(value, i, Math.min(value.length(), i + size));
        }
        return out.toString();
    }

    /** A secret after a name that announces it: the name and what follows stay, the secret becomes [REDACTED]. */
    private void named(String kind, Supplier<String> before, Supplier<String> secret, String after, boolean endsAtPeriod) {
        kinds.put(kind, () -> {
            String name = before.get();
            String value = secret.get();
            return new Sample(kind, name + value + after, value, Sanitizer.REDACTED, name + Sanitizer.REDACTED + after,
                    endsAtPeriod);
        });
    }

    /** A value that ends where an unquoted assignment value ends, and that no other rule would take. */
    private String assignedValue() {
        return pick(LOWER, 1) + pick(ALNUM + "!#$%*^_", between(5, 24)) + pick(ALNUM, 1);
    }

    /** A webhook URL: its scheme and host stay, its secret path becomes [WEBHOOK]. */
    private void webhook(String kind, Supplier<String> host, Supplier<String> path) {
        kinds.put(kind, () -> {
            String base = host.get();
            String secret = path.get();
            return new Sample(kind, base + secret, secret, Sanitizer.WEBHOOK, base + Sanitizer.WEBHOOK, true);
        });
    }

    /** A 40-character AWS secret access key; {@code bare} ones have every character class and a slash or plus. */
    private String awsSecret(boolean bare) {
        if (!bare) {
            return pick(ALNUM + "/+", 40);
        }
        return pick(UPPER, 1) + pick(ALNUM + "/+", 16) + oneOf("/", "+") + pick(LOWER, 1) + pick(DIGITS, 1)
                + pick(ALNUM + "/+", 19) + pick(ALNUM, 1);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private void key(String kind, Supplier<String> key) {
        kinds.put(kind, () -> marked(kind, key.get(), Sanitizer.API_KEY));
    }

    /** A PEM private key block; {@code lineBreak} is a real line break or, inside a JSON string, an escaped one. */
    private String pem(String type, String lineBreak) {
        return "-----BEGIN " + type + "PRIVATE KEY-----" + lineBreak + base64Lines(between(2, 12), lineBreak)
                + lineBreak + "-----END " + type + "PRIVATE KEY-----";
    }

    private String base64Lines(int lines, String lineBreak) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : lineBreak).append(pick(ALNUM + "+/", i == lines - 1 ? between(4, 60) : 64));
        }
        return body.append(oneOf("", "=", "==")).toString();
    }

    private String areaCode() {
        return oneOf("11", "21", "31", "41", "47", "51", "61", "71", "81", "85", "92", "98");
    }

    /** An 11-digit Brazilian mobile number that is not also a valid CPF (that one would be a CPF). */
    private String brazilianMobile() {
        while (true) {
            String number = areaCode() + "9" + pick(DIGITS, 8);
            if (!CheckDigits.isCpf(number)) {
                return number;
            }
        }
    }

    private String usNumber(String separator) {
        return between(201, 989) + separator + between(201, 989) + separator + pick(DIGITS, 4);
    }

    /** {@code value}'s characters poured into {@code pattern}, whose {@code #} each take the next one. */
    static String format(String value, String pattern) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : pattern.toCharArray()) {
            out.append(c == '#' ? value.charAt(next++) : c);
        }
        return out.toString();
    }

    private Sample marked(String kind, String text, String marker) {
        return new Sample(kind, text, text, marker, marker, true);
    }

    private String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    String pick(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    @SafeVarargs
    final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
