package ai.automagik.tracing.export;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip compressors kept for reuse across batches: a new {@link Deflater} allocates and clears about
 * 300 kB of native memory, more work than compressing a typical batch. Level {@link Deflater#BEST_SPEED}:
 * OTLP JSON is so repetitive that it still shrinks about 18-fold (measured: 455 kB to 24 kB, against
 * 21 kB at the default level) for a third of the CPU.
 */
final class GzipPool implements AutoCloseable {

    private static final int MAX_IDLE = 4;
    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final ConcurrentLinkedQueue<Compressor> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    Compressor take() {
        Compressor compressor = idle.poll();
        return compressor != null ? compressor : new Compressor();
    }

    void give(Compressor compressor) {
        if (closed || idle.size() >= MAX_IDLE || compressor.output.length > MAX_KEPT_BUFFER) {
            compressor.end();
            return;
        }
        idle.offer(compressor);
        if (closed && idle.remove(compressor)) {
            compressor.end();
        }
    }

    @Override
    public void close() {
        closed = true;
        Compressor compressor;
        while ((compressor = idle.poll()) != null) {
            compressor.end();
        }
    }

    /** One raw deflater plus a growing output buffer; used by one thread at a time. */
    static final class Compressor {

        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final CRC32 crc = new CRC32();
        private byte[] output = new byte[8 * 1024];

        /** Compresses {@code input[0 .. length)} into {@link #output()}; returns the gzip member's length. */
        int compress(byte[] input, int length) {
            deflater.reset();
            crc.reset();
            crc.update(input, 0, length);
            deflater.setInput(input, 0, length);
            deflater.finish();
            System.arraycopy(HEADER, 0, output, 0, HEADER.length);
            int size = HEADER.length;
            while (!deflater.finished()) {
                if (size == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                size += deflater.deflate(output, size, output.length - size);
            }
            if (output.length - size < 8) {
                output = Arrays.copyOf(output, size + 8);
            }
            size = writeIntLittleEndian((int) crc.getValue(), size);
            return writeIntLittleEndian(length, size);
        }

        byte[] output() {
            return output;
        }

        private int writeIntLittleEndian(int value, int at) {
            output[at] = (byte) value;
            output[at + 1] = (byte) (value >>> 8);
            output[at + 2] = (byte) (value >>> 16);
            output[at + 3] = (byte) (value >>> 24);
            return at + 4;
        }

        void end() {
            deflater.end();
        }
    }
}
