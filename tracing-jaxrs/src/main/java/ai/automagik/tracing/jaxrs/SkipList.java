package ai.automagik.tracing.jaxrs;

import java.util.List;

/**
 * Path prefixes the request filter leaves alone (health, metrics, OpenAPI, static files, the admin API),
 * normalised once: a leading slash, no trailing one, blanks dropped.
 */
final class SkipList {

    private final String[] prefixes;
    private final String[] prefixesWithSlash;

    SkipList(List<String> configured) {
        this.prefixes = configured == null ? new String[0] : configured.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> p.startsWith("/") ? p : "/" + p)
                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                .toArray(String[]::new);
        this.prefixesWithSlash = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            prefixesWithSlash[i] = prefixes[i] + "/";
        }
    }

    /**
     * {@link #matches(String)} for the path {@code RouteTemplates.concat(applicationPath, path)}, without
     * building that string in the usual case: every request of the application passes through here.
     */
    boolean matches(String applicationPath, String path) {
        String base = applicationPath == null ? "" : applicationPath;
        String relative = path == null ? "" : path;
        int baseLength = base.endsWith("/") ? base.length() - 1 : base.length();
        int relativeStart = relative.startsWith("/") ? 1 : 0;
        int relativeLength = relative.length() - relativeStart;
        boolean regular = (baseLength == 0 || base.charAt(0) == '/') && base.lastIndexOf("//", baseLength) < 0
                && relative.indexOf("//") < 0 && (relativeLength == 0 || !relative.endsWith("/"))
                && (relativeLength > 0 || baseLength > 0);
        if (!regular) {
            return matches(RouteTemplates.concat(base, relative));
        }
        // the path is base[0 .. baseLength) + "/" + relative[relativeStart ..), or base alone when relative is empty
        int length = relativeLength == 0 ? baseLength : baseLength + 1 + relativeLength;
        for (String prefix : prefixes) {
            int n = prefix.length();
            if (n <= length && startsWith(base, baseLength, relative, relativeStart, prefix)
                    && (n == length || charAt(base, baseLength, relative, relativeStart, n) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String base, int baseLength, String relative, int relativeStart, String prefix) {
        int n = prefix.length();
        int inBase = Math.min(n, baseLength);
        if (!base.regionMatches(0, prefix, 0, inBase)) {
            return false;
        }
        if (n <= baseLength) {
            return true;
        }
        return prefix.charAt(baseLength) == '/'
                && relative.regionMatches(relativeStart, prefix, baseLength + 1, n - baseLength - 1);
    }

    private static char charAt(String base, int baseLength, String relative, int relativeStart, int index) {
        if (index < baseLength) {
            return base.charAt(index);
        }
        return index == baseLength ? '/' : relative.charAt(relativeStart + index - baseLength - 1);
    }

    /** True when {@code path} is one of the prefixes or lies below one ({@code /health} skips {@code /health/ready}). */
    boolean matches(String path) {
        for (int i = 0; i < prefixes.length; i++) {
            if (path.equals(prefixes[i]) || path.startsWith(prefixesWithSlash[i])) {
                return true;
            }
        }
        return false;
    }
}
