package ai.automagik.tracing.jaxrs;

import java.util.List;

/** Path prefixes the request filter leaves alone (health, metrics, OpenAPI, static files, the admin API). */
final class SkipList {

    private SkipList() {
    }

    /** True when {@code path} is one of the prefixes or lies below one ({@code /health} skips {@code /health/ready}). */
    static boolean matches(List<String> prefixes, String path) {
        if (prefixes == null) {
            return false;
        }
        for (String raw : prefixes) {
            String prefix = raw.strip();
            if (prefix.isEmpty()) {
                continue;
            }
            if (!prefix.startsWith("/")) {
                prefix = "/" + prefix;
            }
            if (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
