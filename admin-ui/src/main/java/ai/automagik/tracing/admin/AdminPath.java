package ai.automagik.tracing.admin;

import java.util.regex.Pattern;

/** Where the console lives, from the setting {@value #KEY} (default {@value #DEFAULT}). */
public record AdminPath(String base) {

    public static final String KEY = "automagik.admin.path";
    public static final String ENVIRONMENT_VARIABLE = "AUTOMAGIK_ADMIN_PATH";
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
            throw new IllegalArgumentException("Invalid Automagik Tracing configuration: " + ENVIRONMENT_VARIABLE + " ("
                    + KEY + ") = '" + shown(base) + "'; allowed: path segments of lower-case letters, digits and '-',"
                    + " separated by '/' (for example tracing-admin or ops/tracing)");
        }
        base = trimmed;
    }

    /** The rejected value as it may be logged: control characters escaped, at most 100 characters. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return value.codePointCount(0, value.length()) > 100 ? shown + "…" : shown.toString();
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
