package ai.automagik.tracing.otlp;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A small insertion-ordered attribute list, values {@link String}, {@link Long}, {@link Double},
 * {@link Boolean} or an immutable {@link java.util.List} of these (an OTLP array). Setting an existing key replaces its value. Not thread-safe: a span's attributes are
 * written by the thread that owns the span and read by the exporter after the span ended.
 */
public final class Attributes {

    private static final String[] NO_KEYS = new String[0];
    private static final Object[] NO_VALUES = new Object[0];
    private static final int[] NO_HASHES = new int[0];

    /** No attributes, shared; putting into it is a programming error. */
    public static final Attributes EMPTY = new Attributes(0);

    private String[] keys;
    private Object[] values;
    // key hash codes (cached by String): replacing a key compares ints before strings
    private int[] hashes;
    private int size;
    private final int maxSize;
    private int overflow;

    public Attributes() {
        this(128);
    }

    public Attributes(int maxSize) {
        this.keys = NO_KEYS;
        this.values = NO_VALUES;
        this.hashes = NO_HASHES;
        this.maxSize = maxSize;
    }

    public Attributes put(String key, Object value) {
        if (key == null || value == null) {
            return this;
        }
        if (this == EMPTY) {
            throw new IllegalStateException("Attributes.EMPTY is shared: copy it before putting");
        }
        int hash = key.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && keys[i].equals(key)) {
                values[i] = value;
                return this;
            }
        }
        if (size == maxSize) {
            overflow++;
            return this;
        }
        if (size == keys.length) {
            int capacity = Math.min(maxSize, Math.max(8, size * 2));
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        keys[size] = key;
        values[size] = value;
        hashes[size] = hash;
        size++;
        return this;
    }

    /** Puts every attribute of {@code other}, in its order. */
    public Attributes putAll(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            put(other.keys[i], other.values[i]);
        }
        return this;
    }

    public Object get(String key) {
        int hash = key.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    /** How many attributes were refused because the list was full. */
    public int overflow() {
        return overflow;
    }

    public String key(int index) {
        return keys[index];
    }

    public Object value(int index) {
        return values[index];
    }

    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    public Attributes copy() {
        return copy(maxSize);
    }

    /** A copy that may hold up to {@code newMaxSize} attributes (at least as many as this one holds). */
    public Attributes copy(int newMaxSize) {
        Attributes copy = new Attributes(Math.max(newMaxSize, size));
        copy.keys = Arrays.copyOf(keys, size);
        copy.values = Arrays.copyOf(values, size);
        copy.hashes = Arrays.copyOf(hashes, size);
        copy.size = size;
        copy.overflow = overflow;
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
