package ai.automagik.tracing.trace;

/**
 * Wall-clock time in nanoseconds with {@link System#nanoTime()} precision: one wall-clock read at
 * start-up, monotonic offsets after, so a span's end never precedes its start.
 */
final class EpochClock {

    private static final long ANCHOR_EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L;
    private static final long ANCHOR_NANO_TIME = System.nanoTime();

    private EpochClock() {
    }

    static long toEpochNanos(long nanoTime) {
        return ANCHOR_EPOCH_NANOS + (nanoTime - ANCHOR_NANO_TIME);
    }
}
