package ai.automagik.tracing.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer straight into UTF-8 bytes, for the exporter's hot loop: no
 * {@code Writer}, no per-value objects. Commas are placed automatically; names are written by the
 * caller as pre-encoded {@link Name}s. Strings are escaped as JSON requires ({@code "}, {@code \},
 * control characters) and unpaired UTF-16 surrogates become U+FFFD. Not thread-safe: one per encoding.
 */
final class JsonBytes implements EncodingBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 32;

    /** A member name, encoded once as {@code "name":}. */
    static final class Name {
        final byte[] bytes;

        Name(String name) {
            this.bytes = ('"' + name + "\":").getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] buffer;
    private int size;
    // per nesting level: does the next member or element need a comma before it?
    private final boolean[] needsComma = new boolean[MAX_DEPTH];
    private int depth;
    // the string being escaped, copied out of its String in one go (kept up to a size: LLM messages are long)
    private static final int MAX_KEPT_CHARS = 1 << 15;
    private char[] chars = new char[256];

    JsonBytes(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }


    /** The bytes written so far are {@code buffer()[0 .. size())}; the array is this writer's own. */
    @Override
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return buffer.length;
    }

    /** Empties the writer for another document, keeping its buffer. */
    @Override
    public void reset() {
        size = 0;
        depth = 0;
        needsComma[0] = false;
    }

    JsonBytes beginObject() {
        separate();
        return open('{');
    }

    JsonBytes beginObject(Name name) {
        member(name);
        return open('{');
    }

    JsonBytes beginArray(Name name) {
        member(name);
        return open('[');
    }

    JsonBytes endObject() {
        return close('}');
    }

    JsonBytes endArray() {
        return close(']');
    }

    JsonBytes string(Name name, String value) {
        member(name);
        quoted(value == null ? "" : value);
        return this;
    }

    /** A JSON number. */
    JsonBytes number(Name name, long value) {
        return decimal(name, value, false);
    }

    /** A 64-bit integer as the protobuf JSON mapping wants it: a decimal string. */
    JsonBytes int64String(Name name, long value) {
        return decimal(name, value, true);
    }

    JsonBytes unsignedInt64String(Name name, long value) {
        return value >= 0 ? decimal(name, value, true) : scalar(name, Long.toUnsignedString(value), true);
    }

    /** Elements written before, encoded already (comma-separated), appended to the current array. */
    JsonBytes rawElements(byte[] elements) {
        if (elements.length == 0) {
            return this;
        }
        separate();
        ensure(elements.length);
        System.arraycopy(elements, 0, buffer, size, elements.length);
        size += elements.length;
        return this;
    }

    /**
     * The element {@code {"<keyName>":"<key>","<valueName>":{"<memberName>":"<value>"}}} of the current
     * array in one go: what an OTLP string attribute is, written without the per-token bookkeeping.
     */
    JsonBytes keyedStringElement(Name keyName, String key, Name valueName, Name memberName, String value) {
        separate();
        append('{', keyName);
        quoted(key == null ? "" : key);
        append(',', valueName);
        append('{', memberName);
        quoted(value == null ? "" : value);
        ensure(2);
        buffer[size++] = '}';
        buffer[size++] = '}';
        return this;
    }

    private void append(char before, Name name) {
        byte[] bytes = name.bytes;
        ensure(bytes.length + 1);
        buffer[size++] = (byte) before;
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** A member whose value is {@code value} in decimal, written digit by digit (no string in between). */
    private JsonBytes decimal(Name name, long value, boolean quoted) {
        if (value == Long.MIN_VALUE) {
            return scalar(name, Long.toString(value), quoted);
        }
        member(name);
        ensure(22);
        byte[] out = buffer;
        if (quoted) {
            out[size++] = '"';
        }
        long rest = value;
        if (rest < 0) {
            out[size++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
        if (quoted) {
            out[size++] = '"';
        }
        return this;
    }

    /** A finite double as a JSON number. */
    JsonBytes number(Name name, double value) {
        return scalar(name, Double.toString(value), false);
    }

    JsonBytes bool(Name name, boolean value) {
        return scalar(name, value ? "true" : "false", false);
    }

    /** A member whose value is ASCII needing no escapes (numbers, literals), in quotes when asked. */
    private JsonBytes scalar(Name name, String text, boolean quoted) {
        member(name);
        int n = text.length();
        ensure(n + 2);
        if (quoted) {
            buffer[size++] = '"';
        }
        for (int i = 0; i < n; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        if (quoted) {
            buffer[size++] = '"';
        }
        return this;
    }

    /** {@code value} as 16 lowercase hex digits; {@code high} first when given two longs (a trace id). */
    JsonBytes hex(Name name, long high, long low, boolean withHigh) {
        member(name);
        ensure(34);
        buffer[size++] = '"';
        if (withHigh) {
            writeHex(high);
        }
        writeHex(low);
        buffer[size++] = '"';
        return this;
    }

    private void writeHex(long value) {
        for (int i = 15; i >= 0; i--) {
            buffer[size + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        size += 16;
    }

    private JsonBytes open(char bracket) {
        if (depth == MAX_DEPTH - 1) {
            throw new IllegalStateException("JSON nested too deeply");
        }
        ensure(1);
        buffer[size++] = (byte) bracket;
        needsComma[++depth] = false;
        return this;
    }

    private JsonBytes close(char bracket) {
        ensure(1);
        buffer[size++] = (byte) bracket;
        depth--;
        return this;
    }

    private void member(Name name) {
        separate();
        byte[] bytes = name.bytes;
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void separate() {
        if (needsComma[depth]) {
            ensure(1);
            buffer[size++] = ',';
        } else {
            needsComma[depth] = true;
        }
    }

    private void quoted(String value) {
        int n = value.length();
        // worst case per char: \\u00XX (6 bytes); a surrogate pair is 2 chars for 4 bytes
        ensure(n * 6 + 2);
        if (chars.length < n && n <= MAX_KEPT_CHARS) {
            chars = new char[Math.min(MAX_KEPT_CHARS, Math.max(n, chars.length * 2))];
        }
        // one bulk copy, then a loop without String.charAt's per-character bounds and coder checks
        char[] in = n <= chars.length ? chars : new char[n];
        value.getChars(0, n, in, 0);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            out[at++] = (byte) c;
            i++;
        }
        for (; i < n; i++) {
            char c = in[i];
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[at++] = (byte) c;
                } else {
                    at = escape(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(in[i + 1])) {
                int codePoint = Character.toCodePoint(c, in[++i]);
                out[at++] = (byte) (0xf0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (codePoint & 0x3f));
            } else {
                char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
                out[at++] = (byte) (0xe0 | (ch >> 12));
                out[at++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (ch & 0x3f));
            }
        }
        out[at++] = '"';
        size = at;
    }

    private static int escape(byte[] out, int at, char c) {
        out[at++] = '\\';
        switch (c) {
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            case '\n' -> out[at++] = 'n';
            case '\r' -> out[at++] = 'r';
            case '\t' -> out[at++] = 't';
            case '\b' -> out[at++] = 'b';
            case '\f' -> out[at++] = 'f';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xf];
            }
        }
        return at;
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed > buffer.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("JSON body too large");
            }
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length + (buffer.length >> 1)));
        }
    }
}
