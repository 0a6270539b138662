package ai.automagik.tracing.otlp;

/** A growable byte buffer an encoder writes a request into: {@code buffer()[0 .. size())}. */
interface EncodingBuffer {

    byte[] buffer();

    int size();

    int capacity();

    /** Empties the buffer for another request, keeping its array. */
    void reset();
}
