package ai.automagik.tracing.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts by reason, so the metrics say which events went where and why. */
final class Reasons {

    private static final int MAX_REASONS = 64;
    private static final String OTHER = "other";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    void add(String reason, long count) {
        if (count <= 0) {
            return;
        }
        String key = reason == null ? OTHER : reason;
        LongAdder adder = counts.get(key);
        if (adder == null) {
            // the reason texts come from a small set, but a misbehaving collector must not grow this without bound
            key = counts.size() >= MAX_REASONS ? OTHER : key;
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.add(count);
        total.add(count);
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
