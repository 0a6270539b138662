package ai.automagik.tracing.otlp;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The buffer an encoder keeps for its next request: an exporter encodes batch after batch of similar size, so the
 * array is reused rather than grown again. Thread-safe: a call made while the buffer is in use gets a new one.
 * Buffers grown past 8 MiB are not kept.
 */
final class SpareBuffer<B extends EncodingBuffer> {

    private static final int MAX_KEPT_BYTES = 8 << 20;
    private final AtomicReference<B> spare = new AtomicReference<>();
    private final IntFunction<B> create;

    SpareBuffer(IntFunction<B> create) {
        this.create = create;
    }

    /** Writes into the spare buffer (or a new one of {@code initialCapacity}) and hands the bytes to {@code use}. */
    <R> R encode(int initialCapacity, Consumer<B> write, OtlpEncoder.BodyUse<R> use) {
        B buffer = spare.getAndSet(null);
        if (buffer == null) {
            buffer = create.apply(initialCapacity);
        } else {
            buffer.reset();
        }
        try {
            write.accept(buffer);
            return use.apply(buffer.buffer(), buffer.size());
        } finally {
            if (buffer.capacity() <= MAX_KEPT_BYTES) {
                spare.set(buffer);
            }
        }
    }
}
