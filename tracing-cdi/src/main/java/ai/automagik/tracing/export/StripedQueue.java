package ai.automagik.tracing.export;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;

/**
 * A bounded multi-producer, single-consumer queue made of one JCTools array queue per stripe, so that
 * callers on different cores do not take turns on one producer index and one slot array (cache lines that
 * moved between cores on every event; with two callers recording spans, one of the three causes of JVM runs
 * at about twice the usual time, see docs/BENCHMARKS.md's git history). A
 * caller offers to its thread's stripe and, when that is full, to the others in turn: the bound is the
 * configured capacity in total, whatever the number of callers. Order is kept per thread, except for an
 * event that spilled to another stripe.
 */
final class StripedQueue<E> {

    private static final int MAX_STRIPES = 16;

    private final MpscArrayQueue<E>[] stripes;
    private final int[] bounds;
    private final int mask;
    private int nextToDrain;

    @SuppressWarnings("unchecked")
    StripedQueue(int capacity, int parallelism) {
        int total = Math.max(1, capacity);
        int count = Math.min(Integer.highestOneBit(Math.max(1, Math.min(parallelism, MAX_STRIPES))),
                Integer.highestOneBit(total));
        this.stripes = new MpscArrayQueue[count];
        this.bounds = new int[count];
        this.mask = count - 1;
        for (int i = 0; i < count; i++) {
            bounds[i] = total / count + (i < total % count ? 1 : 0);
            // JCTools rounds the array up to a power of two; offerIfBelowThreshold keeps the stripe's bound
            stripes[i] = new MpscArrayQueue<>(Math.max(2, bounds[i]));
        }
    }

    /** The calling thread's stripe, where its events go first. */
    int stripeOfCurrentThread() {
        return (int) Thread.currentThread().getId() & mask;
    }

    /**
     * Offers to {@code stripe}, then to the others; returns the stripe that took the event, or -1 when
     * every stripe was at its bound. Each stripe's size is estimated from the consumer's index as its
     * producers last read it, and that index (a cache line the consumer writes per event it takes) is read
     * again only when the estimate reaches the bound.
     */
    int offer(E event, int stripe) {
        if (stripes[stripe].offerIfBelowThreshold(event, bounds[stripe])) {
            return stripe;
        }
        for (int i = 1; i < stripes.length; i++) {
            int other = (stripe + i) & mask;
            if (stripes[other].offerIfBelowThreshold(event, bounds[other])) {
                return other;
            }
        }
        return -1;
    }

    int size(int stripe) {
        return stripes[stripe].size();
    }

    /** The smallest stripe's bound: a wake-up threshold per stripe must stay below it. */
    int smallestBound() {
        return bounds[bounds.length - 1];
    }

    int size() {
        int size = 0;
        for (MpscArrayQueue<E> stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    boolean isEmpty() {
        for (MpscArrayQueue<E> stripe : stripes) {
            if (!stripe.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Consumer only: takes up to {@code limit} events, visiting the stripes in turn so none waits behind a busy one. */
    int drain(MessagePassingQueue.Consumer<E> consumer, int limit) {
        int taken = 0;
        int first = nextToDrain;
        nextToDrain = (first + 1) & mask;
        for (int i = 0; i < stripes.length && taken < limit; i++) {
            taken += stripes[(first + i) & mask].drain(consumer, limit - taken);
        }
        return taken;
    }
}
