package ai.automagik.tracing.privacy;

/**
 * Tells a machine-generated credential from a name by its shape, for values whose name says nothing (a tool
 * argument is {@code arg0} when the application is compiled without {@code -parameters}). A value of 20 to 512
 * characters without whitespace, with upper case, lower case and digits, that changes between those classes
 * at least every other character or so, is taken for a key: random base62/base64 text of that length changes
 * class at 0.6 of its characters on average (at 0.45 or more in 99 of 100 cases), while identifiers and model
 * names change at word boundaries only ({@code OrderProcessingService2024}: 0.27,
 * {@code ClaudeSonnet35Latest20241022}: 0.29). Hex ids and UUIDs have no upper case and stay.
 */
final class GeneratedToken {

    static final int MIN_LENGTH = 20;
    static final int MAX_LENGTH = 512;
    /** Class changes per character at or above which a value is taken as random. */
    static final double MIN_CHANGE_RATE = 0.45;

    private GeneratedToken() {
    }

    static boolean looksGenerated(String value) {
        int length = value.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int runs = 0;
        int previous = -1;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            int kind;
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                kind = 0;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
                kind = 1;
            } else if (c >= '0' && c <= '9') {
                digit = true;
                kind = 2;
            } else {
                kind = 3;
            }
            if (kind != previous) {
                runs++;
                previous = kind;
            }
        }
        return upper && lower && digit && runs >= MIN_CHANGE_RATE * length;
    }
}
