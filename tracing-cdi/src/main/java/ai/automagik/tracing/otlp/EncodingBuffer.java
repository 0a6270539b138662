package ai.automagik.tracing.otlp;

import java.util.Arrays;

/** A growable byte buffer an encoder writes a request into: {@code buffer()[0 .. size())}. */
interface EncodingBuffer {

    byte[] buffer();

    int size();

    int capacity();

    /** Empties the buffer for another request, keeping its array. */
    void reset();

    /** A copy of what was written. */
    default byte[] toByteArray() {
        return Arrays.copyOf(buffer(), size());
    }
}
