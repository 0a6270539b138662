package ai.automagik.tracing.sampling;

import ai.automagik.tracing.otlp.SpanData;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Adaptive tail sampling, decided when a trace's root span ends: a trace with an error anywhere is
 * kept (at the error rate); one slower than the threshold is kept; the first trace of each type (root
 * span name) is kept; any other is kept with the base probability, at most {@code maxPerSecond} per
 * type per second (seconds of the root's end time). Open traces are bounded: beyond
 * {@code maxOpenTraces} new traces are not buffered.
 */
public final class TailSampler {

    private static final int MAX_TRACE_TYPES = 10_000;

    private final double baseRate;
    private final double errorRate;
    private final long slowThresholdNanos;
    private final int maxPerSecond;
    private final int maxOpenTraces;
    private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();
    private final AtomicInteger openTraces = new AtomicInteger();
    private final LongAdder[] counts = new LongAdder[Decision.values().length];

    public TailSampler(double baseRate, double errorRate, long slowThresholdMillis, int maxPerSecond,
            int maxOpenTraces) {
        this.baseRate = baseRate;
        this.errorRate = errorRate;
        this.slowThresholdNanos = slowThresholdMillis * 1_000_000L;
        this.maxPerSecond = maxPerSecond;
        this.maxOpenTraces = maxOpenTraces;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Called when a trace starts; false means the trace cannot be buffered (counted as overflow). */
    public boolean tryOpen() {
        if (openTraces.incrementAndGet() > maxOpenTraces) {
            openTraces.decrementAndGet();
            counts[Decision.BUFFER_OVERFLOW.ordinal()].increment();
            return false;
        }
        return true;
    }

    /**
     * Decides for a trace whose local root just ended, and releases its open-trace slot; {@code buffer}
     * is null for a trace that never had a child span (it holds no slot).
     */
    public Decision decide(SpanData root, TraceBuffer buffer) {
        if (buffer != null) {
            openTraces.decrementAndGet();
        }
        Decision decision = evaluate(root, buffer);
        counts[decision.ordinal()].increment();
        return decision;
    }

    private Decision evaluate(SpanData root, TraceBuffer buffer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (root.isError() || (buffer != null && buffer.hasError())) {
            return errorRate >= 1.0 || random.nextDouble() < errorRate ? Decision.ERROR : Decision.NOT_SAMPLED;
        }
        if (root.endEpochNanos() - root.startEpochNanos() > slowThresholdNanos) {
            return Decision.SLOW;
        }
        String type = root.name();
        RateWindow window = windows.get(type);
        if (window == null) {
            if (windows.size() >= MAX_TRACE_TYPES) {
                return Decision.RATE_LIMITED;
            }
            RateWindow created = new RateWindow();
            window = windows.putIfAbsent(type, created);
            if (window == null) {
                return Decision.FIRST;
            }
        }
        if (baseRate <= 0.0 || (baseRate < 1.0 && random.nextDouble() >= baseRate)) {
            return Decision.NOT_SAMPLED;
        }
        return window.tryAcquire(root.endEpochNanos(), maxPerSecond) ? Decision.RANDOM : Decision.RATE_LIMITED;
    }

    public int openTraces() {
        return openTraces.get();
    }

    /** Decisions so far by reason. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        for (Decision decision : Decision.values()) {
            snapshot.put(decision.reason(), counts[decision.ordinal()].sum());
        }
        return snapshot;
    }

    /**
     * A one-second fixed window per trace type, lock-free: the second in the high bits, the count in the
     * low. Within a second a take is one atomic increment (no compare-and-set retries when threads
     * collide); a full window is answered by a plain read; only a new second needs a compare-and-set.
     */
    private static final class RateWindow {
        private final AtomicLong state = new AtomicLong(-1L << 32);

        boolean tryAcquire(long nowNanos, int limit) {
            long second = nowNanos / 1_000_000_000L;
            while (true) {
                long current = state.get();
                long currentSecond = current >> 32;
                if (currentSecond == second) {
                    if ((int) current >= limit) {
                        return false;
                    }
                    long taken = state.getAndIncrement();
                    if (taken >> 32 == second) {
                        return (int) taken < limit;
                    }
                    continue; // the second changed under us: decide again
                }
                if (currentSecond > second) {
                    // a clock read taken before another thread opened a newer second: count it there
                    second = currentSecond;
                    continue;
                }
                if (state.compareAndSet(current, (second << 32) | 1)) {
                    return true;
                }
            }
        }
    }
}
