package ai.automagik.tracing.privacy;

/** Length caps that never cut a surrogate pair in half. */
final class TextLimits {

    private TextLimits() {
    }

    /** The first {@code max} chars of {@code text} at most, one less if the cut would split a pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code text} if it fits in {@code max} chars, else a cut prefix followed by {@code marker}, max chars in all. */
    static String cap(String text, int max, String marker) {
        if (text.length() <= max) {
            return text;
        }
        return cut(text, Math.max(0, max - marker.length())) + marker;
    }
}
