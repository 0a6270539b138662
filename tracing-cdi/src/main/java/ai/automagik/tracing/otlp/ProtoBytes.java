package ai.automagik.tracing.otlp;

import java.util.Arrays;

/**
 * A minimal protobuf writer straight into bytes, for the exporter's hot loop. A length-delimited field (a nested
 * message, a string) is written in place after a guess of its length prefix's size, and only moved when the guess
 * was wrong, so most fields are written once. Strings are written as UTF-8 with unpaired UTF-16 surrogates as
 * U+FFFD, as the JSON encoder does. Not thread-safe: one per encoding.
 */
final class ProtoBytes implements EncodingBuffer {

    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH_DELIMITED = 2;
    private static final int MAX_DEPTH = 32;

    private byte[] buffer;
    private int size;
    // per open message: where its content starts, and how many bytes were left for its length
    private final int[] starts = new int[MAX_DEPTH];
    private final int[] reserved = new int[MAX_DEPTH];
    private int depth;

    ProtoBytes(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

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


    @Override
    public void reset() {
        size = 0;
        depth = 0;
    }

    /**
     * Opens a nested message as field {@code field}; {@code expectedLength} is a guess of its size (1 byte of length
     * prefix below 128, 2 below 16,384, 3 below 2 MiB). Close it with {@link #endMessage()}.
     */
    void beginMessage(int field, int expectedLength) {
        tag(field, WIRE_LENGTH_DELIMITED);
        int prefix = varintSize(expectedLength);
        ensure(prefix);
        size += prefix;
        starts[depth] = size;
        reserved[depth] = prefix;
        depth++;
    }

    void endMessage() {
        depth--;
        settleLength(starts[depth], reserved[depth]);
    }

    /** Fields encoded before, appended as they are. */
    void raw(byte[] fields) {
        ensure(fields.length);
        System.arraycopy(fields, 0, buffer, size, fields.length);
        size += fields.length;
    }

    /** A string field; nothing for null or empty (proto3's default). */
    void string(int field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        tag(field, WIRE_LENGTH_DELIMITED);
        int length = value.length();
        int prefix = varintSize(length);
        ensure(prefix + length * 3);
        size += prefix;
        int start = size;
        utf8(value, length);
        settleLength(start, prefix);
    }

    /** A string field written even when empty (a map entry's key, a oneof member). */
    void stringAlways(int field, String value) {
        if (value == null || value.isEmpty()) {
            tag(field, WIRE_LENGTH_DELIMITED);
            ensure(1);
            buffer[size++] = 0;
            return;
        }
        string(field, value);
    }

    /** {@code bytes} field holding {@code count} bytes of {@code high} then {@code low}, big-endian (ids). */
    void id(int field, long high, long low, int count) {
        tag(field, WIRE_LENGTH_DELIMITED);
        ensure(1 + count);
        buffer[size++] = (byte) count;
        if (count == 16) {
            bigEndian(high);
        }
        bigEndian(low);
    }

    void fixed64(int field, long value) {
        tag(field, WIRE_FIXED64);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    void doubleValue(int field, double value) {
        fixed64(field, Double.doubleToRawLongBits(value));
    }

    /** An int64/uint32/enum/bool field as a varint, written even when 0 (a oneof member). */
    void varintAlways(int field, long value) {
        tag(field, WIRE_VARINT);
        varint(value);
    }

    /** A varint field; nothing for 0 (proto3's default). */
    void varint(int field, long value) {
        if (value != 0) {
            varintAlways(field, value);
        }
    }

    private void tag(int field, int wireType) {
        ensure(2);
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    private void bigEndian(long value) {
        for (int i = 7; i >= 0; i--) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** Writes the length of what follows {@code start} into the {@code prefix} bytes before it, moving it if needed. */
    private void settleLength(int start, int prefix) {
        int length = size - start;
        int needed = varintSize(length);
        if (needed != prefix) {
            ensure(needed - prefix);
            System.arraycopy(buffer, start, buffer, start + needed - prefix, length);
            start += needed - prefix;
            size += needed - prefix;
        }
        int at = start - needed;
        long value = length;
        while ((value & ~0x7FL) != 0) {
            buffer[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[at] = (byte) value;
    }

    private void utf8(String value, int length) {
        byte[] out = buffer;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int codePoint = i + 1 < length && Character.isHighSurrogate(c)
                        && Character.isLowSurrogate(value.charAt(i + 1))
                        ? Character.toCodePoint(c, value.charAt(++i)) : 0xFFFD;
                if (codePoint == 0xFFFD) {
                    out[at++] = (byte) 0xEF;
                    out[at++] = (byte) 0xBF;
                    out[at++] = (byte) 0xBD;
                } else {
                    out[at++] = (byte) (0xF0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3F));
                }
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    static int varintSize(long value) {
        int bytes = 1;
        while ((value & ~0x7FL) != 0) {
            bytes++;
            value >>>= 7;
        }
        return bytes;
    }
}
