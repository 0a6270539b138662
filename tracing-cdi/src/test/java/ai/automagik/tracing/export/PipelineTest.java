package ai.automagik.tracing.export;

import ai.automagik.tracing.PipelineMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    private final List<Pipeline<Integer>> started = new ArrayList<>();
    private final List<List<Integer>> exported = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPipelines() {
        started.forEach(Pipeline::shutdown);
    }

    private Pipeline<Integer> pipeline(int capacity, int batchSize, Duration batchTimeout, int workers,
            Duration shutdownTimeout, BatchExporter<Integer> exporter, SendGate gate) {
        Pipeline<Integer> pipeline = new Pipeline<>(new PipelineSettings("test", capacity, batchSize, batchTimeout,
                workers, shutdownTimeout), exporter, gate, null);
        started.add(pipeline);
        return pipeline;
    }

    private BatchExporter<Integer> recording() {
        return batch -> {
            exported.add(List.copyOf(batch));
            return ExportOutcome.success(batch.size());
        };
    }

    /** An exporter that accepts each batch once {@code release} opens. */
    private static BatchExporter<Integer> heldUntil(CountDownLatch release) {
        return batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExportOutcome.success(batch.size());
        };
    }

    private static void assertBalanced(PipelineMetrics m) {
        assertThat(m.queued()).as("queued == processed + dropped + failed + queueSize + inFlight: %s", m)
                .isEqualTo(m.processed() + m.dropped() + m.failed() + m.queueSize() + m.inFlight());
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void sendsFullBatchesAndFlushesTheRest() {
        Pipeline<Integer> pipeline = pipeline(100, 10, Duration.ofMinutes(1), 1, Duration.ofSeconds(5), recording(),
                SendGate.OPEN);
        for (int i = 0; i < 25; i++) {
            assertThat(pipeline.offer(i)).isTrue();
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(exported).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(exported.stream().flatMap(List::stream)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 25).boxed().toList());
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.queued()).isEqualTo(25);
        assertThat(m.processed()).isEqualTo(25);
        assertThat(m.batches()).isEqualTo(3);
        assertBalanced(m);
    }

    @Test
    void aPipelineThatLooksIdleIsBalancedWhileItsLastBatchesSettle() {
        // batches of one settled by four sender threads: without re-reading, a reading often caught an event
        // between "out of flight" and "processed", with the queue empty and nothing in flight
        Pipeline<Integer> pipeline = pipeline(10_000, 1, Duration.ofMinutes(1), 4, Duration.ofSeconds(5),
                batch -> ExportOutcome.success(batch.size()), SendGate.OPEN);
        int events = 5_000;
        for (int i = 0; i < events; i++) {
            pipeline.offer(i);
        }
        int idleReadings = 0;
        PipelineMetrics m;
        do {
            m = pipeline.metrics();
            if (m.queueSize() == 0 && m.inFlight() == 0) {
                assertBalanced(m);
                idleReadings++;
            }
        } while (m.processed() < events);
        assertThat(idleReadings).isPositive();
    }

    @Test
    void sendsAPartialBatchOnceTheOldestEventHasWaitedTheBatchTimeout() throws InterruptedException {
        Pipeline<Integer> pipeline = pipeline(100, 50, Duration.ofMillis(100), 1, Duration.ofSeconds(5), recording(),
                SendGate.OPEN);
        pipeline.offer(1);
        pipeline.offer(2);
        pipeline.offer(3);
        eventually(() -> !exported.isEmpty());
        assertThat(exported.get(0)).containsExactly(1, 2, 3);
        eventually(() -> pipeline.metrics().processed() == 3);
        assertBalanced(pipeline.metrics());
    }

    @Test
    void aQueueSmallerThanABatchStillWakesTheBatcherBeforeItFills() throws InterruptedException {
        // capacity 4, batches of 50, an hour's timeout: only a wake-up by the callers keeps room in the queue
        Pipeline<Integer> pipeline = pipeline(4, 50, Duration.ofHours(1), 1, Duration.ofSeconds(5), recording(),
                SendGate.OPEN);
        for (int i = 0; i < 40; i++) {
            assertThat(pipeline.offer(i)).as("event %d", i).isTrue();
            eventually(() -> pipeline.metrics().queueSize() < 2);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(pipeline.metrics().processed()).isEqualTo(40);
        assertThat(pipeline.metrics().dropped()).isZero();
        assertBalanced(pipeline.metrics());
    }

    @Test
    void anEventThatArrivesWhileTheBatcherIsIdleWaitsNoLongerThanTheBatchTimeout() throws InterruptedException {
        Pipeline<Integer> pipeline = pipeline(100, 50, Duration.ofMillis(1000), 1, Duration.ofSeconds(5), recording(),
                SendGate.OPEN);
        Thread.sleep(500); // the batcher is idle, half-way through its wait
        long offeredAt = System.nanoTime();
        pipeline.offer(1);
        eventually(() -> !exported.isEmpty());
        // sent when the batcher's idle wait ends (about 500 ms later), not a full timeout after it took the
        // event (about 1500 ms); the margin is for a loaded machine
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - offeredAt)).isLessThan(1200);
        assertBalanced(pipeline.metrics());
    }

    @Test
    void dropsTheNewEventWhenTheQueueIsFullAndNeverBlocksTheCaller() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Pipeline<Integer> pipeline = pipeline(8, 4, Duration.ofMillis(10), 1, Duration.ofSeconds(5), heldUntil(release),
                SendGate.OPEN);
        int acceptedCount = 0;
        for (int i = 0; i < 100; i++) {
            if (pipeline.offer(i)) {
                acceptedCount++;
            }
        }
        int accepted = acceptedCount;
        PipelineMetrics during = pipeline.metrics();
        assertThat(during.dropped()).isEqualTo(100 - accepted).isPositive();
        assertThat(during.droppedByReason()).containsEntry(Pipeline.DROPPED_QUEUE_FULL, (long) (100 - accepted));
        eventually(() -> pipeline.metrics().inFlight() + pipeline.metrics().queueSize() == accepted);
        assertBalanced(pipeline.metrics());
        release.countDown();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics after = pipeline.metrics();
        assertThat(after.processed()).isEqualTo(accepted);
        assertThat(after.queueSize()).isZero();
        assertThat(after.inFlight()).isZero();
        assertBalanced(after);
    }

    @Test
    void aCapacityThatIsNotAPowerOfTwoIsTheExactBound() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        // the queue's array holds 8; the configured 6 is what callers get
        Pipeline<Integer> pipeline = pipeline(6, 1, Duration.ofMinutes(1), 1, Duration.ofSeconds(5), heldUntil(release),
                SendGate.OPEN);
        assertThat(pipeline.offer(0)).isTrue();
        eventually(() -> pipeline.metrics().inFlight() == 1); // held in the exporter: nothing leaves the queue now
        int accepted = 0;
        for (int i = 1; i <= 20; i++) {
            if (pipeline.offer(i)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(6);
        assertThat(pipeline.metrics().queueSize()).isEqualTo(6);
        assertThat(pipeline.metrics().droppedByReason()).containsEntry(Pipeline.DROPPED_QUEUE_FULL, 14L);
        release.countDown();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(pipeline.metrics().processed()).isEqualTo(7);
        assertBalanced(pipeline.metrics());
    }

    @Test
    void aFullQueueIsFlaggedForCallersUntilTheBatcherTakesEventsAgain() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Pipeline<Integer> pipeline = pipeline(8, 4, Duration.ofMillis(10), 1, Duration.ofSeconds(5), heldUntil(release),
                SendGate.OPEN);
        assertThat(pipeline.full()).isFalse();
        int offered = 0;
        long refused = 0;
        do {
            // until the held exporter stops the batcher, it may take events between a refusal and the check
            while (pipeline.offer(offered)) {
                offered++;
                assertThat(offered).as("the bounded queue never refused an event").isLessThan(100);
            }
            refused++;
        } while (!pipeline.full());
        assertThat(pipeline.offer(-1)).isFalse();
        pipeline.recordDropped(Pipeline.DROPPED_QUEUE_FULL); // a caller that saw the flag and built nothing
        assertThat(pipeline.metrics().droppedByReason()).containsEntry(Pipeline.DROPPED_QUEUE_FULL, refused + 2);
        release.countDown();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(pipeline.full()).isFalse();
        assertThat(pipeline.offer(100)).isTrue();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.processed()).isEqualTo(offered + 1);
        assertThat(m.dropped()).isEqualTo(3);
        assertBalanced(m);
    }

    @Test
    void countsFailuresAndPartialSuccessByReason() {
        List<ExportOutcome> outcomes = new CopyOnWriteArrayList<>(List.of(
                ExportOutcome.failure(5, "HTTP 500"), ExportOutcome.partial(5, 2, "bad span")));
        Pipeline<Integer> pipeline = pipeline(100, 5, Duration.ofMinutes(1), 1, Duration.ofSeconds(5),
                batch -> outcomes.isEmpty() ? ExportOutcome.success(batch.size()) : outcomes.remove(0), SendGate.OPEN);
        for (int i = 0; i < 10; i++) {
            pipeline.offer(i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.processed()).isEqualTo(3);
        assertThat(m.failed()).isEqualTo(7);
        assertThat(m.failedByReason()).containsEntry("HTTP 500", 5L).containsEntry("rejected by collector", 2L);
        assertThat(m.lastError()).isNotNull();
        assertBalanced(m);
    }

    @Test
    void anExporterThatThrowsFailsItsBatchOnly() {
        Pipeline<Integer> pipeline = pipeline(100, 2, Duration.ofMinutes(1), 2, Duration.ofSeconds(5), batch -> {
            if (batch.contains(0)) {
                throw new IllegalStateException("boom");
            }
            return ExportOutcome.success(batch.size());
        }, SendGate.OPEN);
        for (int i = 0; i < 6; i++) {
            pipeline.offer(i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.failed()).isEqualTo(2);
        assertThat(m.processed()).isEqualTo(4);
        assertThat(m.failedByReason()).containsKey("IllegalStateException");
        assertBalanced(m);
    }

    @Test
    void aClosedGateDropsQueuedEventsAsOptedOut() {
        Pipeline<Integer> pipeline = pipeline(100, 10, Duration.ofMinutes(1), 1, Duration.ofSeconds(5), recording(),
                () -> "opted out");
        for (int i = 0; i < 4; i++) {
            pipeline.offer(i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(exported).isEmpty();
        assertThat(pipeline.metrics().droppedByReason()).containsEntry("opted out", 4L);
        assertBalanced(pipeline.metrics());
    }

    @Test
    void shutdownDrainsEverythingQueuedWhenTheCollectorIsUp() {
        Pipeline<Integer> pipeline = pipeline(10_000, 50, Duration.ofMinutes(1), 2, Duration.ofSeconds(10),
                recording(), SendGate.OPEN);
        for (int i = 0; i < 1234; i++) {
            pipeline.offer(i);
        }
        pipeline.shutdown();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.processed()).isEqualTo(1234);
        assertThat(m.failed()).isZero();
        assertBalanced(m);
        assertThat(pipeline.offer(1)).isFalse();
        assertThat(pipeline.metrics().droppedByReason()).containsEntry(Pipeline.DROPPED_SHUT_DOWN, 1L);
        assertBalanced(pipeline.metrics());
    }

    @Test
    void shutdownCountsWhatItCouldNotDeliverWithinTheBoundAsFailed() {
        CountDownLatch never = new CountDownLatch(1);
        Pipeline<Integer> pipeline = pipeline(1000, 10, Duration.ofMillis(5), 1, Duration.ofMillis(300), batch -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExportOutcome.failure(batch.size(), "interrupted");
        }, SendGate.OPEN);
        for (int i = 0; i < 500; i++) {
            pipeline.offer(i);
        }
        pipeline.shutdown();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.queued()).isEqualTo(500);
        assertThat(m.processed()).isZero();
        assertThat(m.queueSize()).isZero();
        assertThat(m.inFlight()).isZero();
        assertThat(m.failed()).isEqualTo(500);
        assertThat(m.failedByReason()).containsEntry(Pipeline.FAILED_SHUTDOWN_TIMEOUT, 500L);
        assertBalanced(m);
    }

    @Test
    void manyProducersLoseNothingTheCountersDoNotExplain() throws InterruptedException {
        Pipeline<Integer> pipeline = pipeline(1024, 64, Duration.ofMillis(50), 2, Duration.ofSeconds(10), batch ->
                ExportOutcome.success(batch.size()), SendGate.OPEN);
        int threads = 4;
        int perThread = 20_000;
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    pipeline.offer(i);
                }
            });
            producers.add(producer);
            producer.start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        assertThat(pipeline.flush(Duration.ofSeconds(20))).isTrue();
        PipelineMetrics m = pipeline.metrics();
        assertThat(m.queued()).isEqualTo((long) threads * perThread);
        assertThat(m.processed() + m.dropped()).isEqualTo((long) threads * perThread);
        assertBalanced(m);
        // producers racing the batcher never leave the full flag set on a drained queue
        assertThat(pipeline.full()).isFalse();
        assertThat(pipeline.offer(-1)).isTrue();
    }
}
