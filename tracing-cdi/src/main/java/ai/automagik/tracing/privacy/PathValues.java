package ai.automagik.tracing.privacy;

import java.util.regex.Pattern;

/**
 * Recognises a value that is a file system path ({@code /opt/app/config.yaml}, {@code ~/x}, {@code ./x},
 * {@code C:\app\x}, {@code \\server\share\x}, {@code file:/x}, or a home path already scrubbed to
 * {@code [PATH]/x}) and reduces it to its last segment. A slash alone does not make a path:
 * {@code meta-llama/Llama-3-8B} is a model name.
 */
final class PathValues {

    private static final Pattern PATH_LIKE = Pattern.compile(
            "(?:/|~[\\\\/]|\\.{1,2}[\\\\/]|[A-Za-z]:[\\\\/]|\\\\\\\\|file:/|" + Pattern.quote(Sanitizer.PATH) + "[\\\\/]).*",
            Pattern.DOTALL);

    private PathValues() {
    }

    static boolean isPathLike(String value) {
        return PATH_LIKE.matcher(value).matches();
    }

    /** The last non-empty segment of a path-like value; any other value unchanged. */
    static String lastSegment(String value) {
        if (!isPathLike(value)) {
            return value;
        }
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '/' || value.charAt(end - 1) == '\\')) {
            end--;
        }
        int start = Math.max(value.lastIndexOf('/', end - 1), value.lastIndexOf('\\', end - 1)) + 1;
        return start >= end ? value : value.substring(start, end);
    }
}
