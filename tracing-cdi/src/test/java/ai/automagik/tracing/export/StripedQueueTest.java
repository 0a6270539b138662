package ai.automagik.tracing.export;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StripedQueueTest {

    @Test
    void oneCallerCanFillTheWholeCapacityAcrossStripes() {
        StripedQueue<Integer> queue = new StripedQueue<>(10, 4);
        int stripe = queue.stripeOfCurrentThread();
        List<Integer> usedStripes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            usedStripes.add(queue.offer(i, stripe));
        }
        assertThat(usedStripes.subList(0, 10)).doesNotContain(-1).contains(stripe);
        assertThat(usedStripes.subList(10, 20)).containsOnly(-1);
        assertThat(queue.size()).isEqualTo(10);
        assertThat(usedStripes.stream().filter(s -> s >= 0).distinct().count()).as("stripes used").isEqualTo(4);
    }

    @Test
    void theBoundIsTheCapacityWhenItDoesNotDivideIntoStripes() {
        for (int capacity = 1; capacity <= 40; capacity++) {
            StripedQueue<Integer> queue = new StripedQueue<>(capacity, 8);
            int accepted = 0;
            for (int i = 0; i < 100; i++) {
                if (queue.offer(i, queue.stripeOfCurrentThread()) >= 0) {
                    accepted++;
                }
            }
            assertThat(accepted).as("capacity %d", capacity).isEqualTo(capacity);
            assertThat(queue.smallestBound()).isPositive();
        }
    }

    @Test
    void drainTakesFromEveryStripeUpToTheLimitAndStartsAtTheNextStripeEachTime() {
        StripedQueue<Integer> queue = new StripedQueue<>(8, 2);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(i, 0)).isZero();
            assertThat(queue.offer(100 + i, 1)).isOne();
        }
        List<Integer> first = new ArrayList<>();
        assertThat(queue.drain(first::add, 5)).isEqualTo(5);
        assertThat(first).containsExactly(0, 1, 2, 3, 100);
        List<Integer> second = new ArrayList<>();
        assertThat(queue.drain(second::add, 2)).isEqualTo(2);
        assertThat(second).as("the second drain begins at the other stripe").containsExactly(101, 102);
        List<Integer> rest = new ArrayList<>();
        assertThat(queue.drain(rest::add, Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(rest).containsExactly(103);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void concurrentCallersNeverExceedTheBoundAndLoseNothing() throws InterruptedException {
        int capacity = 1000;
        StripedQueue<Integer> queue = new StripedQueue<>(capacity, 4);
        int producers = 4;
        int perProducer = 200_000;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    if (queue.offer(base + i, queue.stripeOfCurrentThread()) >= 0) {
                        accepted.incrementAndGet();
                    }
                }
                done.countDown();
            });
            thread.setDaemon(true);
            thread.start();
        }
        Set<Integer> taken = new HashSet<>();
        int maxSize = 0;
        while (done.getCount() > 0 || !queue.isEmpty()) {
            maxSize = Math.max(maxSize, queue.size());
            queue.drain(taken::add, 64);
        }
        assertThat(maxSize).isLessThanOrEqualTo(capacity);
        assertThat(taken).hasSize(accepted.get());
    }
}
