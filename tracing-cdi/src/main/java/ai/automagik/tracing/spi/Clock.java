package ai.automagik.tracing.spi;

/**
 * Where the runtime reads time: a monotonic clock for durations and the wall clock for timestamps. The
 * system clock by default; tests give one they move themselves instead of sleeping.
 */
public interface Clock {

    Clock SYSTEM = new Clock() {
        private final long anchorEpochNanos = System.currentTimeMillis() * 1_000_000L;
        private final long anchorNanoTime = System.nanoTime();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochNanos(long nanoTime) {
            return anchorEpochNanos + (nanoTime - anchorNanoTime);
        }
    };

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * The wall-clock time, in nanoseconds since the epoch, of a {@link #nanoTime()} reading: one wall-clock
     * anchor and monotonic offsets, so a span's end never precedes its start.
     */
    long epochNanos(long nanoTime);
}
