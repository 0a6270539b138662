package ai.automagik.tracing.sampling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code limit} permits per trace type (a root span's name) per second, lock-free: one fixed window per
 * type, the second in the high bits of a long and the permits taken in the low; a full window is answered by a
 * plain read. At most {@value #MAX_TYPES} types are tracked; beyond that every request is refused.
 * <p>
 * While a window is far from its limit, a thread takes its permits in blocks (at most a sixteenth of what is left),
 * so threads asking for one type do not all write one shared counter; near the limit a block is one permit. A
 * thread gives back the unused rest of a block when it moves to another type; a block it holds when the second
 * ends is lost, so a second may grant a little fewer than the limit, never more.
 */
final class TypeWindows {

    static final int MAX_TYPES = 10_000;
    private static final int MAX_BLOCK = 256;
    private static final int BLOCK_SHARE = 16;
    private static final int HELD_WINDOW = 0;
    private static final int HELD_COUNTS = 1;
    private static final int SECOND = 8;
    private static final int LEFT = 9;
    private static final int HELD_LONGS = 18;
    private static final long NO_SECOND_YET = -1L << 32;
    /** Stands for every type beyond {@link #MAX_TYPES}: never permits. */
    private static final AtomicLong FULL = new AtomicLong(NO_SECOND_YET);

    private final int limit;
    private final Map<String, AtomicLong> windows = new ConcurrentHashMap<>();
    // per thread: the window it holds permits of, and {second, permits left} in the middle of a padded array (the
    // count is written per permit and must not share a cache line with another thread's writes); JDK types only,
    // so a pooled container thread keeps none of the application's classes alive after an undeploy
    private final ThreadLocal<Object[]> held = ThreadLocal.withInitial(() -> new Object[] {null, new long[HELD_LONGS]});

    TypeWindows(int limit) {
        this.limit = limit;
    }

    /** Whether {@code type} may have one more in {@code second} (epoch seconds); taking it if so. */
    boolean permit(String type, long second) {
        AtomicLong window = windows.get(type);
        if (window == null) {
            if (windows.size() >= MAX_TYPES) {
                return false;
            }
            window = windows.computeIfAbsent(type, t -> new AtomicLong(NO_SECOND_YET));
        }
        return take(window, second);
    }

    /**
     * {@code type}'s window, or null when {@code type} was never seen before (it is from now on): one look-up for
     * the first-of-type rule and the permit that follows. Beyond {@value #MAX_TYPES} types, a window that refuses.
     */
    AtomicLong windowUnlessFirst(String type) {
        AtomicLong window = windows.get(type);
        if (window != null) {
            return window;
        }
        if (windows.size() >= MAX_TYPES) {
            return FULL;
        }
        return windows.putIfAbsent(type, new AtomicLong(NO_SECOND_YET)); // null: this call saw it first
    }

    /** Whether the window of {@link #windowUnlessFirst} may have one more in {@code second}; taking it if so. */
    boolean permit(AtomicLong window, long second) {
        return window != FULL && take(window, second);
    }

    private boolean take(AtomicLong window, long second) {
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
