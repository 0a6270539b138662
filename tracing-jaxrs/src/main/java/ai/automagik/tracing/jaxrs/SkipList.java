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
        for (int i = 0; i < prefixes.length; i++) {
            String prefix = prefixes[i];
            String prefixWithSlash = prefixesWithSlash[i];
            if ((prefix.length() == length && startsWith(base, baseLength, relative, relativeStart, prefix))
                    || (prefixWithSlash.length() <= length
                    && startsWith(base, baseLength, relative, relativeStart, prefixWithSlash))) {
                return true;
            }
        }
        return false;
    }

    /** Whether base[0 .. baseLength) + "/" + relative[relativeStart ..) starts with {@code prefix}. */
    private static boolean startsWith(String base, int baseLength, String relative, int relativeStart, String prefix) {
        int n = prefix.length();
        if (!base.regionMatches(0, prefix, 0, Math.min(n, baseLength))) {
            return false;
        }
        if (n <= baseLength) {
            return true;
        }
        return prefix.charAt(baseLength) == '/'
                && relative.regionMatches(relativeStart, prefix, baseLength + 1, n - baseLength - 1);
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
