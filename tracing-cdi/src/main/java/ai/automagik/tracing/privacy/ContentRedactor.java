package ai.automagik.tracing.privacy;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares captured content for observability providers (the user's own account): tool arguments whose
 * names look secret ({@code password}, {@code apiKey}, {@code Authorization}…) become {@code [REDACTED]},
 * also inside nested maps, and text is capped (arguments {@value #MAX_ARGUMENTS}, results
 * {@value #MAX_RESULT} chars) with a visible {@value #TRUNCATED} marker. Values under other names are
 * passed through: this layer carries content on purpose, unlike telemetry.
 *
 * <p>Redaction does not depend on the names alone: a method compiled without {@code -parameters} has
 * parameters named {@code arg0}, {@code arg1}…, so a {@code char[]} value (Java's type for passwords) and a
 * text value shaped like a generated key (see {@link GeneratedToken}) are {@code [REDACTED]} under any name,
 * and the whole text then passes the {@link Sanitizer}'s secret rules on the export worker
 * ({@link CapturedContent}), which find keys, tokens and credentials by value.
 */
public final class ContentRedactor {

    public static final int MAX_ARGUMENTS = 1000;
    public static final int MAX_RESULT = 2000;
    public static final String TRUNCATED = "…[truncated]";

    private static final int MAX_DEPTH = 8;
    private static final ContentRedactor DEFAULTS = new ContentRedactor(MAX_ARGUMENTS, MAX_RESULT);

    private final int maxArguments;
    private final int maxResult;

    public ContentRedactor(int maxArguments, int maxResult) {
        if (maxArguments <= TRUNCATED.length() || maxResult <= TRUNCATED.length()) {
            throw new IllegalArgumentException("caps must be longer than the truncation marker: " + maxArguments
                    + ", " + maxResult);
        }
        this.maxArguments = maxArguments;
        this.maxResult = maxResult;
    }

    public static ContentRedactor defaults() {
        return DEFAULTS;
    }

    /**
     * The arguments as a JSON object, secret-named values replaced, capped. Strings, numbers, booleans,
     * nulls, maps, collections and arrays are written as JSON; other objects as their quoted
     * {@code toString()}.
     */
    public String redactArguments(Map<String, ?> arguments) {
        if (arguments == null) {
            return "{}";
        }
        StringBuilder json = new StringBuilder();
        writeObject(json, arguments, 0);
        return capArguments(json.toString());
    }

    /** As {@link #redactArguments(Map)} for a call's parameter names and values, paired by position. */
    public String redactArguments(String[] names, Object[] values) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        int count = values == null ? 0 : values.length;
        for (int i = 0; i < count; i++) {
            String name = names != null && i < names.length && names[i] != null ? names[i] : "arg" + i;
            arguments.put(name, values[i]);
        }
        return redactArguments(arguments);
    }

    public String capArguments(String text) {
        return text == null ? null : TextLimits.cap(text, maxArguments, TRUNCATED);
    }

    public String capResult(String text) {
        return text == null ? null : TextLimits.cap(text, maxResult, TRUNCATED);
    }

    private void writeObject(StringBuilder json, Map<?, ?> map, int depth) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (json.length() > maxArguments) {
                break; // the result is capped anyway; do not serialise a huge map only to cut it
            }
            String name = String.valueOf(entry.getKey());
            json.append(first ? "" : ",");
            first = false;
            writeString(json, name);
            json.append(':');
            if (SecretNames.looksSecret(name) && entry.getValue() != null) {
                writeString(json, Sanitizer.REDACTED);
            } else {
                writeValue(json, entry.getValue(), depth + 1);
            }
        }
        json.append('}');
    }

    private void writeValue(StringBuilder json, Object value, int depth) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Number number && isFinite(number)) {
            json.append(value);
        } else if (depth > MAX_DEPTH) {
            writeString(json, "…");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(json, map, depth);
        } else if (value instanceof Collection<?> collection) {
            writeArray(json, collection.iterator(), depth);
        } else if (value instanceof char[]) {
            writeString(json, Sanitizer.REDACTED);
        } else if (value.getClass().isArray()) {
            writeArray(json, arrayIterator(value), depth);
        } else {
            String text = TextLimits.cut(String.valueOf(value), maxArguments);
            writeString(json, GeneratedToken.looksGenerated(text) ? Sanitizer.REDACTED : text);
        }
    }

    private void writeArray(StringBuilder json, Iterator<?> items, int depth) {
        json.append('[');
        boolean first = true;
        while (items.hasNext() && json.length() <= maxArguments) {
            json.append(first ? "" : ",");
            first = false;
            writeValue(json, items.next(), depth + 1);
        }
        json.append(']');
    }

    private static boolean isFinite(Number number) {
        return !(number instanceof Double d && !Double.isFinite(d)) && !(number instanceof Float f && !Float.isFinite(f));
    }

    private static Iterator<Object> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < length;
            }

            @Override
            public Object next() {
                return Array.get(array, index++);
            }
        };
    }

    private static void writeString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
