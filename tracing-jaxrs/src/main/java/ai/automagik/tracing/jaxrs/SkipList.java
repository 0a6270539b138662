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
