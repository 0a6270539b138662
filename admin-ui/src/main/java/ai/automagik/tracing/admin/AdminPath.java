package ai.automagik.tracing.admin;

import java.util.regex.Pattern;

/** Where the console lives, from the setting {@value #KEY} (default {@value #DEFAULT}). */
public record AdminPath(String base) {

    public static final String KEY = "automagik.admin.path";
    public static final String DEFAULT = "tracing-admin";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    public AdminPath {
        String trimmed = base == null ? "" : base.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!VALID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Invalid " + KEY + "='" + base + "': allowed are path segments of "
                    + "lower-case letters, digits and '-', separated by '/' (for example tracing-admin or ops/tracing)");
        }
        base = trimmed;
    }

    public String dashboard() {
        return base;
    }

    public String privacy() {
        return base + "/privacy";
    }

    public String configuration() {
        return base + "/config";
    }

    public String traces() {
        return base + "/traces";
    }

    public String login() {
        return base + "/login";
    }
}
