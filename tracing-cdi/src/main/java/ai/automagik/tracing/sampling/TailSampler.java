package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.SpanData;

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
 * span name) is kept; any other is kept with the base probability. Each of the three kinds of kept
 * traces is capped per type per second (seconds of the root's end time), each kind with a window of its own:
 * probability at {@code maxPerSecond}, error and slow each at {@code maxTailPerSecond}, so a flood of failing
 * or slow requests keeps at most that many traces and cannot crowd out the others. Open traces are bounded: beyond
 * {@code maxOpenTraces} new traces are not buffered.
 * <p>
 * While a type's window is far from its limit, a thread takes its permits in blocks (at most a sixteenth
 * of what is left), so threads keeping traces of one type do not all write one shared counter per trace;
 * near the limit a block is one permit. A thread gives back the unused rest of a block when it moves to
 * another type; a block it holds when the second ends is lost, so a second may keep a little fewer than
 * the limit, never more.
 */
public final class TailSampler {

    private static final int MAX_TRACE_TYPES = 10_000;
    private static final int MAX_BLOCK = 256;
    private static final int BLOCK_SHARE = 16;
    private static final int HELD_WINDOW = 0;
    private static final int HELD_COUNTS = 1;
    private static final int SECOND = 8;
    private static final int LEFT = 9;
    private static final int HELD_LONGS = 18;
    private static final long NO_SECOND_YET = -1L << 32;

    private final double baseRate;
    private final double errorRate;
    private final long slowThresholdNanos;
    private final int maxPerSecond;
    private final int maxTailPerSecond;
    private final int maxOpenTraces;
    // a one-second fixed window per trace type, lock-free: the second in the high bits, the permits taken in
    // the low; a full window is answered by a plain read
    private final Map<String, AtomicLong> windows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errorWindows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> slowWindows = new ConcurrentHashMap<>();
    private final AtomicInteger openTraces = new AtomicInteger();
    private final LongAdder[] counts = new LongAdder[Decision.values().length];
    // per thread: the window it holds permits of, and {second, permits left} in the middle of a padded array (the
    // count is written per kept trace and must not share a cache line with another thread's writes); JDK types
    // only, so a pooled container thread keeps none of the application's classes alive after an undeploy
    private final ThreadLocal<Object[]> held =
            ThreadLocal.withInitial(() -> new Object[] {null, new long[HELD_LONGS]});

    public TailSampler(double baseRate, double errorRate, long slowThresholdMillis, int maxPerSecond,
            int maxTailPerSecond, int maxOpenTraces) {
        this.baseRate = baseRate;
        this.errorRate = errorRate;
        this.slowThresholdNanos = slowThresholdMillis * 1_000_000L;
        this.maxPerSecond = maxPerSecond;
        this.maxTailPerSecond = maxTailPerSecond;
        this.maxOpenTraces = maxOpenTraces;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Called when a trace's first child ends; false means no more traces can be buffered (counted as overflow). */
    public boolean tryOpen() {
        if (openTraces.incrementAndGet() > maxOpenTraces) {
            openTraces.decrementAndGet();
            counts[Decision.BUFFER_OVERFLOW.ordinal()].increment();
            return false;
        }
        return true;
    }

    /** Gives back the slot {@link #tryOpen()} took, when the trace's buffer is decided or was not needed. */
    public void release() {
        openTraces.decrementAndGet();
    }

    /** Decides for a trace whose local root just ended; {@code traceFailed}: a span of it recorded an error. */
    public Decision decide(SpanData root, boolean traceFailed) {
        Decision decision = evaluate(root, traceFailed);
        counts[decision.ordinal()].increment();
        return decision;
    }

    private Decision evaluate(SpanData root, boolean traceFailed) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String type = root.name();
        long second = root.endEpochNanos() / 1_000_000_000L;
        if (root.isError() || traceFailed) {
            if (errorRate < 1.0 && random.nextDouble() >= errorRate) {
                return Decision.NOT_SAMPLED;
            }
            return permitted(errorWindows, type, second, maxTailPerSecond) ? Decision.ERROR : Decision.ERROR_RATE_LIMITED;
        }
        if (root.endEpochNanos() - root.startEpochNanos() > slowThresholdNanos) {
            return permitted(slowWindows, type, second, maxTailPerSecond) ? Decision.SLOW : Decision.SLOW_RATE_LIMITED;
        }
        AtomicLong window = windows.get(type);
        if (window == null) {
            if (windows.size() >= MAX_TRACE_TYPES) {
                return Decision.RATE_LIMITED;
            }
            window = windows.putIfAbsent(type, new AtomicLong(NO_SECOND_YET));
            if (window == null) {
                return Decision.FIRST;
            }
        }
        if (baseRate <= 0.0 || (baseRate < 1.0 && random.nextDouble() >= baseRate)) {
            return Decision.NOT_SAMPLED;
        }
        return takePermit(window, second, maxPerSecond) ? Decision.RANDOM : Decision.RATE_LIMITED;
    }

    /** Takes a permit of {@code type}'s window in {@code windowsByType}; false when none is left (or too many types). */
    private boolean permitted(Map<String, AtomicLong> windowsByType, String type, long second, int limit) {
        AtomicLong window = windowsByType.get(type);
        if (window == null) {
            if (windowsByType.size() >= MAX_TRACE_TYPES) {
                return false;
            }
            window = windowsByType.computeIfAbsent(type, t -> new AtomicLong(NO_SECOND_YET));
        }
        return takePermit(window, second, limit);
    }

    private boolean takePermit(AtomicLong window, long second, int limit) {
        Object[] mine = held.get();
        long[] permits = (long[]) mine[HELD_COUNTS];
        if (mine[HELD_WINDOW] == window && permits[SECOND] == second && permits[LEFT] > 0) {
            permits[LEFT]--;
            return true;
        }
        if (permits[LEFT] > 0) {
            giveBack((AtomicLong) mine[HELD_WINDOW], permits[SECOND], (int) permits[LEFT]);
            permits[LEFT] = 0;
        }
        long taken = takeBlock(window, second, limit);
        int block = (int) taken;
        if (block == 0) {
            return false;
        }
        mine[HELD_WINDOW] = window;
        permits[SECOND] = taken >> 32;
        permits[LEFT] = block - 1;
        return true;
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

    /** Takes a block of permits: returns the second they count in (high bits) and how many (low), 0 if none. */
    private static long takeBlock(AtomicLong state, long second, int limit) {
        while (true) {
            long current = state.get();
            long currentSecond = current >> 32;
            if (currentSecond > second) {
                // a clock read taken before another thread opened a newer second: count it there
                second = currentSecond;
                continue;
            }
            int taken = currentSecond == second ? (int) current : 0;
            if (taken >= limit) {
                return 0;
            }
            int block = Math.max(1, Math.min(MAX_BLOCK, (limit - taken) / BLOCK_SHARE));
            if (state.compareAndSet(current, (second << 32) | (taken + block))) {
                return (second << 32) | block;
            }
        }
    }

    /** Returns unused permits to their second, if it is still the window's. */
    private static void giveBack(AtomicLong state, long second, int unused) {
        while (true) {
            long current = state.get();
            if (current >> 32 != second || state.compareAndSet(current, current - unused)) {
                return;
            }
        }
    }
}
