package ai.automagik.tracing.privacy;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs personal data and secrets out of text, replacing each with a typed marker such as
 * {@code [EMAIL]}: emails; API keys and tokens (OpenAI, Anthropic, AWS, GitHub, LangWatch, bearer
 * tokens, JWTs); {@code key=}/{@code token=}/{@code password=} pairs, also in JSON form; URL credentials
 * and secret query parameters; IPv4 and IPv6 addresses; payment card numbers (Luhn-checked); phone
 * numbers; CPF numbers; user home paths. Ordinary values (agent and model names, versions with up to
 * three parts, route templates, plain numbers, UUIDs, hex ids) are left alone; a four-part dotted
 * number such as {@code 26.0.0.3} has the shape of an IPv4 address and is replaced.
 *
 * <p>Every pattern has bounded repetition, so scrubbing is linear in the input; inputs longer than
 * {@link #MAX_INPUT} characters are cut first. Usable without a container. Thread-safe.
 */
public final class Sanitizer {

    /** Longer inputs are cut before scrubbing (telemetry keeps 50 characters anyway). */
    public static final int MAX_INPUT = 16 * 1024;

    private static final String SECRET_KEYS = "api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token"
            + "|refresh[_-]?token|client[_-]?secret|secret[_-]?key|aws_secret_access_key|private[_-]?key"
            + "|password|passwd|pwd|secret|token|key|authorization|credentials?";

    private static final Sanitizer DEFAULTS = new Sanitizer(List.of(
            rule("(?i)\\b([a-z][a-z0-9+.-]{0,20}://)[^/\\s:@]{1,256}:[^/\\s@]{1,256}@", m -> m.group(1) + "[CREDENTIALS]@"),
            rule("(?i)([?&](?:" + SECRET_KEYS + "|sig|signature|code)=)[^&#\\s\"']{1,2048}", m -> m.group(1) + "[REDACTED]"),
            rule("\\beyJ[A-Za-z0-9_-]{5,4096}\\.[A-Za-z0-9_-]{5,4096}\\.[A-Za-z0-9_-]{0,4096}", m -> "[JWT]"),
            rule("(?i)\\bbearer\\s{1,5}[A-Za-z0-9._~+/=-]{8,4096}", m -> "Bearer [TOKEN]"),
            rule("\\bsk-(?:ant-|lw-|proj-)?[A-Za-z0-9_-]{16,512}", m -> "[API_KEY]"),
            rule("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", m -> "[API_KEY]"),
            rule("\\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})", m -> "[API_KEY]"),
            rule("(?i)(\"(?:" + SECRET_KEYS + ")\"\\s{0,3}:\\s{0,3})\"[^\"]{0,2048}\"", m -> m.group(1) + "\"[REDACTED]\""),
            rule("(?i)(\\b(?:" + SECRET_KEYS + ")\\s{0,3}[=:]\\s{0,3})(?:\"[^\"]{0,1024}\"|'[^']{0,1024}'|[^\\s,;&\"'}\\])]{1,1024})",
                    m -> m.group(1) + "[REDACTED]"),
            rule("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}", m -> "[EMAIL]"),
            rule("(?:/home|/Users)/[^/\\s\"'\\\\]{1,128}", m -> "[PATH]"),
            rule("(?i)\\b[A-Z]:\\\\Users\\\\[^\\\\\\s\"']{1,128}", m -> "[PATH]"),
            rule("\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b", m -> "[CPF]"),
            rule("(?<![\\d.+-])(?:\\d[ -]?){12,18}\\d(?![\\d-])", m -> luhn(m.group()) ? "[CARD]" : m.group()),
            rule("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,5}\\)?){2,5}(?![\\w])", m -> digits(m.group()) >= 8 ? "[PHONE]" : m.group()),
            rule("(?<![\\w.-])\\(\\d{2,4}\\)\\s?\\d{3,5}-\\d{4}(?![\\w-])", m -> "[PHONE]"),
            rule("(?<![\\w.-])\\d{3}-\\d{3}-\\d{4}(?![\\w-])", m -> "[PHONE]"),
            rule("(?i)(?<![0-9a-f:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])",
                    m -> ipv6(m.group()) ? "[IP]" : m.group()),
            rule("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])",
                    m -> "[IP]")));

    private final List<Rule> rules;

    private Sanitizer(List<Rule> rules) {
        this.rules = rules;
    }

    public static Sanitizer defaults() {
        return DEFAULTS;
    }

    /** The text with every personal value and secret replaced by a marker; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        for (Rule rule : rules) {
            result = rule.apply(result);
        }
        return result;
    }

    /** Scrubs strings; numbers and booleans pass unchanged; anything else is scrubbed as its text. */
    public Object scrubValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return scrub(value.toString());
    }

    private static Rule rule(String regex, Function<Matcher, String> replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    private record Rule(Pattern pattern, Function<Matcher, String> replacement) {
        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            do {
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
            } while (matcher.find());
            matcher.appendTail(out);
            return out.toString();
        }
    }

    static boolean luhn(String candidate) {
        int sum = 0;
        int count = 0;
        boolean doubleIt = false;
        for (int i = candidate.length() - 1; i >= 0; i--) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            count++;
            doubleIt = !doubleIt;
        }
        return count >= 13 && count <= 19 && sum % 10 == 0;
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * A real IPv6 shape: eight groups, or fewer with exactly one {@code ::}, and enough hex digits that
     * a time ({@code 12:30:45}) or a method reference ({@code Map::get}) does not qualify.
     */
    static boolean ipv6(String candidate) {
        if (candidate.equals("::1")) {
            return true;
        }
        int compressed = candidate.indexOf("::");
        if (compressed >= 0 && candidate.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        int colons = 0;
        int hexDigits = 0;
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) == ':') {
                colons++;
                inGroup = false;
            } else {
                hexDigits++;
                if (!inGroup) {
                    groups++;
                    inGroup = true;
                }
            }
        }
        if (hexDigits < 4 || groups < 2) {
            return false;
        }
        if (compressed < 0) {
            return colons == 7 && groups == 8;
        }
        return colons >= 2 && colons <= 7;
    }
}
