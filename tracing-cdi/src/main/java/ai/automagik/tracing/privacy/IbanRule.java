package ai.automagik.tracing.privacy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces International Bank Account Numbers with {@code [IBAN]}, written without spaces
 * ({@code GB82WEST12345698765432}) or with single spaces anywhere between characters
 * ({@code DE89 3704 0044 0532 0130 00}, {@code BR15 0000 0000 0000 1093 2840 814 P2}).
 *
 * <p>A candidate starts with two letters and two digits after a character that is not a letter or digit; the
 * letters must name a country of the IBAN registry, the candidate must have that country's exact length and
 * pass the ISO 7064 mod-97 check, and it must not run on into a further letter or digit without a space.
 * The scan is in code, at most 34 characters plus spaces from each start, so it stays linear; a rejected
 * start does not hide an IBAN that begins inside it.
 */
final class IbanRule implements ScrubRule {

    private static final Pattern START = Pattern.compile("(?<![A-Za-z0-9])(?:[A-Z]{2}|[a-z]{2})\\d{2}");

    /** Country code to IBAN length, after the SWIFT IBAN registry (including territories using a parent's format). */
    private static final Map<String, Integer> LENGTHS = new HashMap<>();

    static {
        lengths(15, "NO");
        lengths(16, "BE");
        lengths(18, "DK", "FI", "AX", "FO", "GL", "NL", "FK", "SD");
        lengths(19, "MK", "SI");
        lengths(20, "AT", "BA", "EE", "KZ", "LT", "LU", "XK", "MN");
        lengths(21, "CH", "HR", "LI", "LV");
        lengths(22, "BG", "BH", "CR", "DE", "GB", "GG", "IM", "JE", "GE", "IE", "ME", "RS", "VA");
        lengths(23, "AE", "GI", "IL", "IQ", "TL", "OM", "SO");
        lengths(24, "AD", "CZ", "ES", "MD", "PK", "RO", "SA", "SE", "SK", "TN", "VG");
        lengths(25, "PT", "ST", "LY");
        lengths(26, "IS", "TR");
        lengths(27, "FR", "GF", "GP", "MQ", "RE", "PF", "TF", "YT", "NC", "BL", "MF", "PM", "WF", "GR", "IT", "MC",
                "MR", "SM", "BI", "DJ");
        lengths(28, "AL", "AZ", "BY", "CY", "DO", "GT", "HU", "LB", "PL", "SV", "NI", "HN");
        lengths(29, "BR", "EG", "PS", "QA", "UA");
        lengths(30, "JO", "KW", "MU", "YE");
        lengths(31, "MT", "SC");
        lengths(32, "LC");
        lengths(33, "RU");
    }

    private static void lengths(int length, String... countries) {
        for (String country : countries) {
            LENGTHS.put(country, length);
        }
    }

    @Override
    public String apply(String text) {
        Matcher matcher = START.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = matcher.start();
            int end = ibanEnd(text, start);
            if (end < 0) {
                from = start + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(Sanitizer.IBAN);
            copied = end;
            from = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The end of the IBAN that starts at {@code start}, or -1 when there is none. */
    private static int ibanEnd(String text, int start) {
        Integer length = LENGTHS.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
        if (length == null) {
            return -1;
        }
        StringBuilder compact = new StringBuilder(length);
        int i = start;
        while (compact.length() < length && i < text.length()) {
            char c = text.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                compact.append(c);
                i++;
            } else if (c == ' ' && compact.length() >= 4 && i + 1 < text.length()
                    && isAsciiLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        boolean complete = compact.length() == length && (i == text.length() || !isAsciiLetterOrDigit(text.charAt(i)));
        return complete && CheckDigits.ibanMod97(compact.toString()) ? i : -1;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
