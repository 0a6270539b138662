package ai.automagik.tracing.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Replaces personal data and secrets in free text with typed markers ({@code [EMAIL]}, {@code [API_KEY]},
 * {@code [IP]}…) so that what is left can be sent as anonymous telemetry. Immutable and thread-safe; the
 * patterns are compiled once, and every one of them runs in time linear in the input.
 *
 * <p>Decisions on ambiguous text, in favour of privacy where the two readings cannot be told apart:
 * <ul>
 * <li>Four dot-separated numbers up to 255 are an IPv4 address, so a four-part version such as
 *     {@code 26.0.0.3} becomes {@code [IP]} unless it is glued to a word ({@code v26.0.0.3},
 *     {@code liberty-26.0.0.3}). Three-part versions ({@code 1.0.0}, {@code 24.10.10}) are never
 *     addresses. {@link TelemetryAttributePolicy} keeps version attributes such as {@code 11.0.20.1}.</li>
 * <li>UUIDs and hex ids are kept: a random UUID (the telemetry {@code session.id}) is not personal data.</li>
 * <li>Card numbers must start with 2–6 (every major card network), pass the Luhn check and, when separated,
 *     be grouped as on a card; millisecond timestamps ({@code 1700000000000}) therefore survive, while
 *     about one in ten 13–19 digit ids starting with 2–6 becomes {@code [CARD]}.</li>
 * <li>A CPF written {@code 123.456.789-09} and a CNPJ written {@code 12.345.678/0001-95} are taken as such without
 *     further checks: nothing ordinary has those shapes. Every other form (bare {@code 12345678909} and
 *     {@code 12345678000195}, {@code 123456789-09}, {@code 123 456 789 09}, {@code 12345678/0001-95}) and the
 *     alphanumeric CNPJ ({@code 12.ABC.345/01DE-35}) must also carry valid check digits, so about one in a
 *     hundred ordinary 11- or 14-digit numbers ({@code 20261124065957}) becomes {@code [CPF]} or
 *     {@code [CNPJ]}, and the rest survive. An 11-digit number with valid CPF check digits is a CPF even when
 *     it could also be a Brazilian mobile number.</li>
 * <li>An IBAN needs a registry country code, that country's exact length and a passing mod-97 check; written with
 *     spaces it may be grouped in any way, but a space is the only separator recognised.</li>
 * <li>Phone numbers need a {@code +}, the {@code 00} international prefix, parentheses around the area code,
 *     or separators in a national layout: {@code 415-555-2671}, {@code 415.555.2671}, {@code 415 555 2671}
 *     (not inside a longer list of numbers, though three numbers such as {@code 256 512 1024} still read as
 *     one), {@code 11 98765-4321} and {@code 021 98765 4321} (a Brazilian area code in use and a mobile
 *     number). A bare run of digits is a phone number only as a Brazilian mobile number: 11 digits, an area
 *     code in use, then 9 ({@code 11987654321}); so about one in fifteen ordinary 11-digit numbers becomes
 *     {@code [PHONE]}, while 10-digit runs (epoch seconds, a bare US number) and longer ones stay. A
 *     Brazilian landline without parentheses ({@code 11 3456-7890}) stays too: it reads like a count and a
 *     year range.</li>
 * <li>A credential recognised by its provider's format ({@code KeyFormats}: OpenAI, Anthropic, GitHub, GitLab,
 *     npm, Stripe, Google, 1Password, age, Azure AD, Twilio, SendGrid, Shopify, DigitalOcean, Groq, xAI,
 *     Perplexity, Replicate, LangSmith, Langfuse…) becomes {@code [API_KEY]} whether its provider calls it a
 *     key, a token or a secret; {@code [TOKEN]} stays the marker of what follows {@code Bearer}. Publishable
 *     keys ({@code pk_live_}, {@code pk-lf-}) and Twilio account SIDs ({@code AC…}) are not secret but name a
 *     customer account, and nothing ordinary looks like them, so they go too. Formats without a prefix
 *     (Cohere, Mistral, a Twilio auth token) are only caught by name ({@code api_key=…}).</li>
 * <li>A private key block is removed whole, up to its END line, also inside a JSON string with {@code \n}
 *     escapes; without an END line, as far as key characters go.</li>
 * <li>Cloud keys without a prefix are caught by shape: 40 base64 characters mixing capitals, small letters,
 *     digits and {@code /} or {@code +} are an AWS secret access key, and 86 base64 characters followed by
 *     {@code ==} an Azure storage account key (as would be any 64-byte value in base64, a SHA-512 digest
 *     included). An AWS key without {@code /} or {@code +} is caught only next to its name
 *     ({@code aws_secret_access_key=…}, {@code set aws_secret_access_key …}, {@code "SecretAccessKey": …}).
 *     A GCP service account file loses its {@code private_key} (as a private key block) and
 *     {@code private_key_id} (by name); its {@code "type": "service_account"} and project stay.</li>
 * <li>Webhook URLs whose path is the secret (Slack, Discord, Microsoft Teams / Office 365, Zapier) keep their
 *     scheme and host, and the path becomes {@code [WEBHOOK]}: {@code https://hooks.slack.com/[WEBHOOK]}. A
 *     query string after it stays for the query-parameter rules.</li>
 * <li>Secret names may be Portuguese or Spanish ({@code senha=}, {@code contraseña:}, {@code "chave_api": …},
 *     {@code token_acesso}, {@code palavra-passe}) and in any script; in XML configuration
 *     ({@code <add key="ClearTextPassword" value="…"/>}) the key names the setting and its value goes.
 *     {@code resenha}, {@code chaveiro} and {@code senha_tamanho} stay (see {@code SecretNames}).</li>
 * <li>Words that only look like keys stay: {@code sk-learn-…} (an {@code sk-} key needs a digit or capital),
 *     "bearer certificate" (a bearer token needs a digit, punctuation or 20 chars), {@code Type::method}
 *     (an IPv6 address needs a decimal digit), {@code max_tokens=100} and {@code author=…} (see
 *     {@code SecretNames}).</li>
 * <li>A home path keeps its last segment, the rest becomes {@code [PATH]}: {@code /home/alice/app/config.yaml}
 *     → {@code [PATH]/config.yaml}, {@code /home/alice} → {@code [PATH]}. Windows user names with spaces are
 *     recognised; later path segments end at whitespace.</li>
 * <li>Input longer than {@link #MAX_INPUT} chars is cut before scrubbing, and the output is never longer.
 *     C0 control characters other than tab, line feed and carriage return are removed and lone surrogates
 *     become U+FFFD, so the result always encodes as JSON/UTF-8.</li>
 * </ul>
 */
public final class Sanitizer {

    /** The longest text scrubbed; anything after it is dropped. */
    public static final int MAX_INPUT = 1 << 20;

    public static final String EMAIL = "[EMAIL]";
    public static final String API_KEY = "[API_KEY]";
    public static final String TOKEN = "[TOKEN]";
    public static final String JWT = "[JWT]";
    public static final String PRIVATE_KEY = "[PRIVATE_KEY]";
    public static final String REDACTED = "[REDACTED]";
    public static final String CREDENTIALS = "[CREDENTIALS]";
    public static final String IP = "[IP]";
    public static final String CARD = "[CARD]";
    public static final String PHONE = "[PHONE]";
    public static final String CPF = "[CPF]";
    public static final String CNPJ = "[CNPJ]";
    public static final String IBAN = "[IBAN]";
    public static final String WEBHOOK = "[WEBHOOK]";
    public static final String PATH = "[PATH]";

    /** Every marker this class writes. */
    public static final Set<String> MARKERS = Set.of(EMAIL, API_KEY, TOKEN, JWT, PRIVATE_KEY, REDACTED, CREDENTIALS,
            IP, CARD, PHONE, CPF, CNPJ, IBAN, WEBHOOK, PATH);

    private static final String IPV4_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String UNIX_SEGMENT = "[^/\\s\"'<>|,;(){}\\[\\]]";
    private static final String WINDOWS_SEGMENT = "[^\\\\/\\s\"'<>|:*?]";

    /** Keys, tokens and credentials: what is never sent anywhere, captured content included. */
    private static final List<ScrubRule> SECRET_RULES = List.of(
            // RSA, EC, OpenSSH, encrypted PKCS#8 and PGP (with its "Version:" headers) keys, also inside a JSON
            // string with \n escapes, whose last escaped line break goes with the key.
            PatternRule.marker("PRIVATE KEY", "-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                    + "(?:[A-Za-z0-9+/=\\s\\\\:.,()]|-(?!----)){0,20000}+"
                    + "(?:-----END [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:\\\\[rn]){0,2})?", PRIVATE_KEY),
            // Webhook URLs whose path is the secret keep their scheme and host. Before e-mail addresses: a Teams
            // webhook path holds "tenant@tenant".
            new PatternRule("://", Pattern.compile("(?i)(?<![A-Za-z0-9+.-])(https?://(?:"
                    + "hooks\\.slack\\.com/(?=services/|workflows/|triggers/)"
                    + "|(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/(?=api/(?:v\\d{1,2}/)?webhooks/)"
                    + "|[a-z0-9-]{1,63}+\\.webhook\\.office\\.com/|outlook\\.office(?:365)?\\.com/(?=webhook/)"
                    + "|hooks\\.zapier\\.com/(?=hooks/)))[A-Za-z0-9/_.~%@+=-]{1,2048}+"),
                    match -> match.group(1) + WEBHOOK + trailingPeriods(match.group())),
            // Before e-mail addresses: in https://user:pass@host.com, "pass@host.com" would look like one.
            new PatternRule("://", Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}+://)"
                    + "[^\\s/?#@:\"'<>]{1,256}+:[^\\s/?#@\"'<>]{1,256}+@"), match -> match.group(1) + CREDENTIALS + "@"),
            PatternRule.marker("eyJ", "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]*+",
                    JWT),
            KeyFormats.RULE,
            new PatternRule(null, Pattern.compile("(?i)(?<![A-Za-z0-9_-])(bearer)[ \\t]{1,8}+([A-Za-z0-9._~+/=-]{8,}+)"),
                    Sanitizer::bearerOrNull),
            new SecretAssignmentRule(MARKERS),
            // After the assignments, which keep the [REDACTED] of aws_secret_access_key=…: the AWS CLI and its prompt
            // name the key without = or : ("set aws_secret_access_key …", "AWS Secret Access Key [None]: …").
            PatternRule.anyOf(List.of("ccess", "CCESS"), Pattern.compile("(?i)(?<![A-Za-z0-9])("
                    + "(?:aws[ _-]?)?secret[ _-]?access[ _-]?key(?:[ \\t]{0,8}+\\[[^\\]\\n]{0,64}+\\])?"
                    + "[ \\t]{0,8}+[:=]?[ \\t]{0,8}+[\"']?)"
                    + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"), match -> match.group(1) + REDACTED),
            // A bare AWS secret access key, and an Azure storage account key (64 bytes in base64)
            PatternRule.anyOf(List.of("/", "+"), Pattern.compile("(?<![A-Za-z0-9/+=_-])[A-Za-z0-9/+]{40}"
                    + "(?![A-Za-z0-9/+=_-])"), Sanitizer::awsSecretOrNull),
            PatternRule.marker("==", "(?<![A-Za-z0-9/+=_-])[A-Za-z0-9/+]{86}==(?![A-Za-z0-9/+=_-])", API_KEY));

    /** Personal data: what anonymous telemetry never carries, though a user's own content may. */
    private static final List<ScrubRule> PERSONAL_RULES = List.of(
            PatternRule.marker("@", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}"
                    + "[A-Za-z]{2,24}+(?![A-Za-z0-9-])", EMAIL),
            new PatternRule("/", Pattern.compile("(?<![A-Za-z0-9_.~-])/(?:home|Users)/(?![{:<])(" + UNIX_SEGMENT
                    + "{1,255}+)((?:/" + UNIX_SEGMENT + "{0,255}+){0,64}+)"), match -> homePath(match, "/")),
            new PatternRule(null, Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z]:([\\\\/]{1,2})(?i:Users|Documents and Settings)"
                    + "[\\\\/]{1,2}(?:" + WINDOWS_SEGMENT + "{1,32}+(?: " + WINDOWS_SEGMENT + "{1,32}+){1,3}+(?=[\\\\/])|"
                    + WINDOWS_SEGMENT + "{1,64}+)"
                    + "((?:[\\\\/]{1,2}" + WINDOWS_SEGMENT + "{0,255}+){0,64}+)"),
                    match -> homePath(match, match.group(1))),
            // Before the digit rules: the digits of an IBAN could pass for a card or a phone number.
            new IbanRule(),
            PatternRule.marker(".", "(?<![\\w.-])\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}(?![\\w-]|\\.\\d)", CPF),
            new PatternRule(null, Pattern.compile("(?<![\\w.,/+-])(?:\\d{9}-?|\\d{3} \\d{3} \\d{3}[ -])\\d{2}"
                    + "(?![\\w/-]|[.,]\\d)"), match -> CheckDigits.isCpf(compact(match.group())) ? CPF : null),
            new PatternRule(null, Pattern.compile("(?<![\\w.,/+-])(?:[0-9A-Z]{2}\\.[0-9A-Z]{3}\\.[0-9A-Z]{3}/[0-9A-Z]{4}-"
                    + "|\\d{8}/?\\d{4}-?)\\d{2}(?![\\w/-]|[.,]\\d)"), Sanitizer::cnpjOrNull),
            new PatternRule(null, Pattern.compile("(?<![\\w.,+-])[2-6]\\d{3}(?:[ -]?\\d){9,15}(?![\\w]|[.,]\\d)"),
                    Sanitizer::cardOrNull),
            new PatternRule("+", Pattern.compile("(?<![\\w+])\\+\\d{1,3}+(?:[ .-]?\\(?\\d{1,5}+\\)?){1,5}+"),
                    match -> internationalPhoneOrNull(match, 0)),
            // 0044 20 7946 0958: the 00 international prefix, then a separator (00123456789012 is a padded id),
            // not as a group inside a longer number (3704 0044 0532)
            new PatternRule("00", Pattern.compile("(?<![\\w.,+-]|\\d )00[1-9]\\d{0,2}+[ .-]\\(?\\d{1,5}+\\)?"
                    + "(?:[ .-]?\\(?\\d{1,5}+\\)?){1,5}+"), match -> internationalPhoneOrNull(match, 2)),
            // (11) 98765-4321, (415) 555 2671, 415-555-2671, 415.555.2671, 1-415-555-2671
            PatternRule.marker(null, "(?<![\\w.+-])(?:1[ .-])?(?:\\(\\d{2,3}\\)[ ]?\\d{3,5}[ .-]|\\d{3}[.-]\\d{3,5}[.-])"
                    + "\\d{4}(?![\\w-]|\\.\\d)", PHONE),
            // 11 98765-4321, 021 98765 4321: a Brazilian area code, then a mobile number
            new PatternRule(null, Pattern.compile("(?<![\\w.,+-])(0?\\d{2}) 9\\d{4}[ -]\\d{4}(?![\\w-]|[.,]\\d)"),
                    match -> BrazilianAreaCodes.contains(match.group(1)) ? PHONE : null),
            // 415 555 2671, unless it is part of a longer list of numbers
            PatternRule.marker(null, "(?<![\\w.,+-]|\\d )(?:1 )?[2-9]\\d{2} [2-9]\\d{2} \\d{4}(?![\\w-]|[.,]\\d| \\d)",
                    PHONE),
            // 11987654321: a bare run of digits is a phone number only as a Brazilian mobile number
            new PatternRule(null, Pattern.compile("(?<![\\w.,+-])(\\d{2})9\\d{8}(?![\\w-]|[.,]\\d)"),
                    match -> BrazilianAreaCodes.contains(match.group(1)) ? PHONE : null),
            new PatternRule(":", Pattern.compile("(?<![A-Za-z0-9_:.])(?:[0-9A-Fa-f]{0,4}+:){2,8}+"
                    + "(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4})?(?![A-Za-z0-9_:]|\\.\\d)"), Sanitizer::ipv6OrNull),
            PatternRule.marker(".", "(?<![\\w.-])(?:" + IPV4_OCTET + "\\.){3}" + IPV4_OCTET + "(?![\\w-]|\\.\\d)", IP));

    private static final Sanitizer DEFAULTS = new Sanitizer(concat(SECRET_RULES, PERSONAL_RULES));
    private static final Sanitizer SECRETS = new Sanitizer(SECRET_RULES);

    private final List<ScrubRule> rules;

    private Sanitizer(List<ScrubRule> rules) {
        this.rules = rules;
    }

    public static Sanitizer defaults() {
        return DEFAULTS;
    }

    private static List<ScrubRule> concat(List<ScrubRule> first, List<ScrubRule> second) {
        List<ScrubRule> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Only the rules for keys, tokens and credentials: for content that may hold ordinary personal text. */
    public static Sanitizer secrets() {
        return SECRETS;
    }

    /** {@code text} with personal data and secrets replaced by markers; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = wellFormed(TextLimits.cut(text, MAX_INPUT));
        for (ScrubRule rule : rules) {
            result = rule.apply(result);
        }
        return TextLimits.cut(result, MAX_INPUT);
    }

    /** Strings (and other text) are scrubbed; numbers and booleans are returned unchanged. */
    public Object scrubValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return scrub(value.toString());
    }

    private static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            String replacement = null;
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = "\uFFFD";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                replacement = "";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Forty base64 characters are an AWS secret access key when they mix capitals, small letters, digits and a
     * {@code /} or {@code +}, and neither start nor end with {@code /}: a git commit (hex) or a route
     * ({@code /api/…}) does not qualify.
     */
    private static String awsSecretOrNull(MatchResult match) {
        String candidate = match.group();
        boolean mixed = candidate.chars().anyMatch(Character::isUpperCase)
                && candidate.chars().anyMatch(Character::isLowerCase) && candidate.chars().anyMatch(Character::isDigit)
                && candidate.chars().anyMatch(c -> c == '/' || c == '+');
        return mixed && !candidate.startsWith("/") && !candidate.endsWith("/") ? API_KEY : null;
    }

    /** The periods a match ends with, which belong to the sentence rather than to a URL or key. */
    static String trailingPeriods(String match) {
        int end = match.length();
        while (end > 0 && match.charAt(end - 1) == '.') {
            end--;
        }
        return match.substring(end);
    }

    /** "Bearer certificate" is prose; a token has a digit, punctuation or at least 20 characters. */
    private static String bearerOrNull(MatchResult match) {
        String token = match.group(2);
        boolean looksLikeToken = token.length() >= 20
                || token.chars().anyMatch(c -> Character.isDigit(c) || "._~+/=-".indexOf(c) >= 0);
        return looksLikeToken ? match.group(1) + " " + TOKEN : null;
    }

    private static String homePath(MatchResult match, String separator) {
        String rest = match.group(match.groupCount());
        String[] segments = rest.split("[\\\\/]+");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return last.isEmpty() ? PATH : PATH + separator + last;
    }

    /** The candidate may have swallowed a colon of the prose after it: "unreachable at fe80::1: retrying". */
    private static String ipv6OrNull(MatchResult match) {
        String candidate = match.group();
        boolean trailingColon = candidate.endsWith(":") && !candidate.endsWith("::");
        String address = trailingColon ? candidate.substring(0, candidate.length() - 1) : candidate;
        return Ipv6Syntax.isAddress(address) ? (trailingColon ? IP + ":" : IP) : null;
    }

    /**
     * The candidate runs over separators as far as digits go, so "4111 1111 1111 1111 42" includes the 42;
     * then the card is its longest prefix, cut at a separator, that passes the checks.
     */
    private static String cardOrNull(MatchResult match) {
        String candidate = match.group();
        for (int end = candidate.length(); end > 0; end = Math.max(candidate.lastIndexOf(' ', end - 1),
                candidate.lastIndexOf('-', end - 1))) {
            if (CardNumbers.isCard(candidate.substring(0, end))) {
                return CARD + candidate.substring(end);
            }
        }
        return null;
    }

    /**
     * A number after {@code +} or {@code 00} ({@code prefixDigits}: the 00) has 8 to 15 digits. A closing
     * parenthesis the number did not open belongs to the prose: "(+55 11 91234-5678)".
     */
    private static String internationalPhoneOrNull(MatchResult match, int prefixDigits) {
        String candidate = match.group();
        long digits = candidate.chars().filter(Character::isDigit).count() - prefixDigits;
        if (digits < 8 || digits > 15) {
            return null;
        }
        long opened = candidate.chars().filter(c -> c == '(').count();
        long closed = candidate.chars().filter(c -> c == ')').count();
        return closed > opened && candidate.endsWith(")") ? PHONE + ")" : PHONE;
    }

    /** {@code 12.345.678/0001-95} as printed is a CNPJ; any other form must pass the check digits. */
    private static String cnpjOrNull(MatchResult match) {
        String candidate = match.group();
        boolean printed = candidate.indexOf('.') >= 0 && candidate.chars().allMatch(c -> Character.isDigit(c) || c == '.'
                || c == '/' || c == '-');
        return printed || CheckDigits.isCnpj(compact(candidate)) ? CNPJ : null;
    }

    /** The letters and digits of a candidate, without its separators. */
    private static String compact(String candidate) {
        StringBuilder letters = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
