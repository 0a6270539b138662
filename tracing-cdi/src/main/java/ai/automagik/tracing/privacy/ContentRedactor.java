package ai.automagik.tracing.privacy;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prepares content for observability providers (the user's own account): values of secret-looking
 * keys become {@code [REDACTED]}, arguments are capped at {@value #MAX_ARGUMENTS} characters and results
 * at {@value #MAX_RESULT}.
 */
public final class ContentRedactor {

    public static final int MAX_ARGUMENTS = 1000;
    public static final int MAX_RESULT = 2000;
    public static final String REDACTED = "[REDACTED]";
    private static final String TRUNCATED = "…[truncated]";
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "token", "secret", "api_key",
            "apikey", "api-key", "authorization", "auth", "credential", "private_key", "cookie", "session_key");

    private static final ContentRedactor DEFAULTS = new ContentRedactor();

    public static ContentRedactor defaults() {
        return DEFAULTS;
    }

    public boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Named arguments as a JSON object, secret-looking keys redacted, capped. */
    public String redactArguments(Map<String, ?> arguments) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        arguments.forEach((key, value) -> {
            String name = key == null ? "" : key;
            if (isSecretKey(name)) {
                json.add(name, REDACTED);
            } else if (value == null) {
                json.addNull(name);
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                json.add(name, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isFinite(d)) {
                    json.add(name, d);
                } else {
                    json.add(name, Double.toString(d));
                }
            } else {
                json.add(name, cap(String.valueOf(value), MAX_ARGUMENTS));
            }
        });
        return cap(json.build().toString(), MAX_ARGUMENTS);
    }

    public String capArguments(String text) {
        return cap(text, MAX_ARGUMENTS);
    }

    public String capResult(String text) {
        return cap(text, MAX_RESULT);
    }

    static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - TRUNCATED.length()) + TRUNCATED;
    }
}
