package ai.automagik.tracing.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the value of a secret-looking assignment with {@code [REDACTED]} and keeps the name:
 * {@code password=hunter2}, {@code api_key: abc}, {@code "token": "abc"}, {@code 'secret': 'abc'}, JSON inside
 * a JSON string ({@code \"password\": \"abc\"}), {@code Authorization: Basic dXNl…} and query parameters
 * ({@code ?code=abc&sig=def}), and in XML configuration the {@code value} of a {@code key} that names a secret
 * ({@code <add key="ClearTextPassword" value="abc"/>}). Names may be in any script ({@code contraseña=abc}).
 *
 * <p>The expression matches only the name and the separator; the value is found by scanning in code.
 * That keeps the scan linear (a non-secret match never swallows a value that might hold the next
 * assignment) and lets quoted values contain escaped quotes. An unquoted value ends at whitespace, a quote,
 * a comma, a semicolon or a closing bracket (so {@code {user=bob, password=x}} keeps its brace), and in a
 * query string also at {@code &} and {@code #}.
 */
final class SecretAssignmentRule implements ScrubRule {

    /** Names may be in any script: {@code senha}, {@code contraseña} (also with a combining tilde). */
    private static final Pattern NAME_AND_SEPARATOR = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_.-])(\\\\{0,3}[\"']|)([\\p{L}_][\\p{L}\\p{M}\\p{N}_.-]{0,63}+)\\1"
                    + "[ \\t]{0,8}+[:=](?![=:])[ \\t]{0,8}+");

    /** The longest XML attribute value read for a {@code key}/{@code value} pair. */
    private static final int MAX_ATTRIBUTE = 4096;

    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "digest", "token", "negotiate", "bot");

    private final Set<String> markers;

    SecretAssignmentRule(Set<String> markers) {
        this.markers = markers;
    }

    @Override
    public String apply(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return text;
        }
        Matcher matcher = NAME_AND_SEPARATOR.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            from = matcher.end();
            String name = matcher.group(2);
            int[] pair = keyValuePair(text, matcher);
            if (pair != null) {
                from = pair[3] + 1;
                String setting = text.substring(pair[0], pair[1]);
                if (!SecretNames.looksSecret(setting) || pair[3] <= pair[2]
                        || markers.contains(text.substring(pair[2], pair[3]))) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, pair[2]).append(Sanitizer.REDACTED);
                copied = pair[3];
                continue;
            }
            boolean inQuery = matcher.start() > 0 && "?&;".indexOf(text.charAt(matcher.start() - 1)) >= 0;
            if (!(inQuery ? SecretNames.looksSecretInQuery(name) : SecretNames.looksSecret(name))) {
                continue;
            }
            if (escapedLineBreakAt(text, matcher.end())) {
                continue; // "key:\n..." inside JSON text: the name ends a line, the next line is no value of it
            }
            int[] value = locateValue(text, matcher.end(), inQuery);
            if (value[1] <= value[0] || markers.contains(text.substring(value[0], value[1]))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, value[0]).append(Sanitizer.REDACTED);
            copied = value[1];
            from = value[1];
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean escapedLineBreakAt(String text, int at) {
        return at + 1 < text.length() && text.charAt(at) == '\\' && (text.charAt(at + 1) == 'n' || text.charAt(at + 1) == 'r');
    }

    /**
     * For an XML {@code key} attribute followed by a {@code value} attribute, as in NuGet and .NET
     * configuration ({@code <add key="ClearTextPassword" value="…"/>}): {start, end} of the key's text, then
     * of the value's text. The key names the setting, so it decides whether the value is secret, and is
     * itself never redacted. Null for anything else.
     */
    private static int[] keyValuePair(String text, Matcher matcher) {
        boolean keyAttribute = matcher.group(2).equalsIgnoreCase("key") && matcher.group(1).isEmpty()
                && matcher.group().indexOf('=') >= 0;
        if (!keyAttribute) {
            return null;
        }
        int[] setting = attributeText(text, matcher.end());
        if (setting == null) {
            return null;
        }
        int p = skipWhitespace(text, setting[1] + 1);
        if (p == setting[1] + 1 || !text.regionMatches(true, p, "value", 0, 5)) {
            return null;
        }
        p = skipWhitespace(text, p + 5);
        if (p >= text.length() || text.charAt(p) != '=') {
            return null;
        }
        int[] value = attributeText(text, skipWhitespace(text, p + 1));
        return value == null ? null : new int[] {setting[0], setting[1], value[0], value[1]};
    }

    /** {start, end} of a quoted attribute's text at {@code at}, or null when there is none. */
    private static int[] attributeText(String text, int at) {
        if (at >= text.length() || (text.charAt(at) != '"' && text.charAt(at) != '\'')) {
            return null;
        }
        char quote = text.charAt(at);
        int limit = Math.min(text.length(), at + 1 + MAX_ATTRIBUTE);
        for (int i = at + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return new int[] {at + 1, i};
            }
            if (c == '<' || c == '>' || c == '\n') {
                return null;
            }
        }
        return null;
    }

    private static int skipWhitespace(String text, int from) {
        int p = from;
        while (p < text.length() && p - from < 16 && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    /** {start, end} of the value that begins at {@code start}, without its quotes. */
    private static int[] locateValue(String text, int start, boolean inQuery) {
        int p = start;
        int slashes = 0;
        while (p < text.length() && text.charAt(p) == '\\' && slashes < 3) {
            p++;
            slashes++;
        }
        if (p < text.length() && (text.charAt(p) == '"' || text.charAt(p) == '\'')) {
            return quoted(text, p + 1, text.charAt(p), slashes);
        }
        int end = unquotedEnd(text, start, inQuery);
        String word = text.substring(start, end);
        if (AUTH_SCHEMES.contains(word.toLowerCase(Locale.ROOT))) {
            // "Authorization: Basic dXNlcjpwYXNz": the credential is the word after the scheme.
            int next = end;
            while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                next++;
            }
            if (next > end && startsWithMarker(text, next)) {
                return new int[] {start, start}; // "Bearer [TOKEN]": already scrubbed
            }
            if (next > end) {
                end = Math.max(end, unquotedEnd(text, next, inQuery));
            }
        }
        return new int[] {start, end};
    }

    private static boolean startsWithMarker(String text, int at) {
        for (String marker : Sanitizer.MARKERS) {
            if (text.startsWith(marker, at)) {
                return true;
            }
        }
        return false;
    }

    private static int[] quoted(String text, int contentStart, char quote, int slashes) {
        int i = contentStart;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote || c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\' && slashes == 0 && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                i += 2;
                continue;
            }
            i++;
        }
        int end = Math.min(i, text.length());
        if (end < text.length() && text.charAt(end) == quote) {
            // \"abc\": the backslashes before the closing quote belong to it, not to the value.
            int backslashes = 0;
            while (backslashes < slashes && end - 1 >= contentStart && text.charAt(end - 1) == '\\') {
                end--;
                backslashes++;
            }
        }
        return new int[] {contentStart, end};
    }

    private static int unquotedEnd(String text, int start, boolean inQuery) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || "\"',;)]}<>".indexOf(c) >= 0 || (inQuery && (c == '&' || c == '#'))) {
                break;
            }
            i++;
        }
        return i;
    }
}
