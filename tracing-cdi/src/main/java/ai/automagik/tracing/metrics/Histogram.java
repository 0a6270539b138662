package ai.automagik.tracing.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket histogram that many threads record into without locking. */
public final class Histogram {

    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(double[] bounds) {
        this.bounds = bounds;
        this.buckets = new LongAdder[bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            return;
        }
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        buckets[i].increment();
        sum.add(value);
        count.increment();
    }

    /** The upper bounds of the buckets, the last one (+Inf) left out. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** How many values were at most each bound, then in all (the +Inf bucket): Prometheus's cumulative counts. */
    public long[] cumulativeCounts() {
        long[] cumulative = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }

    public double sum() {
        return sum.sum();
    }

    public long count() {
        return count.sum();
    }
}
