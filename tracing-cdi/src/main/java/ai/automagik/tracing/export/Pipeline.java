package ai.automagik.tracing.export;

import ai.automagik.tracing.PipelineMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded, asynchronous export pipeline: callers {@link #offer} events (never blocking; when the
 * queue is full the new event is dropped and counted), one batcher thread groups them into batches of
 * up to {@code batchSize}, sent when full or when the oldest has waited {@code batchTimeout}, and
 * {@code workers} sender threads deliver the batches through a {@link BatchExporter}.
 *
 * <p>Every event is accounted for: {@code queued == processed + dropped + failed + queueSize + inFlight}
 * whenever the pipeline is quiescent, and {@link #shutdown()} settles everything within its bound.
 *
 * <p>The queue is a {@link StripedQueue} of JCTools multi-producer single-consumer array queues: lock-free
 * for the callers (a JCTools queue measured at about half the cost of {@code ArrayBlockingQueue} per
 * hand-off on the project's machines), and callers on different cores mostly offer to different stripes.
 */
public final class Pipeline<E> {

    public static final String DROPPED_QUEUE_FULL = "queue full";
    public static final String DROPPED_SHUT_DOWN = "pipeline shut down";
    public static final String FAILED_SHUTDOWN_TIMEOUT = "not delivered before the shutdown timeout";

    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
    private static final int RUNNING = 0;
    private static final int PARKED = 1;
    private static final long SETTLE_POLL_MILLIS = 20;
    private static final long METRICS_READ_NANOS = 2_000_000;

    private final PipelineSettings settings;
    private final BatchExporter<E> exporter;
    private final SendGate gate;
    private final StripedQueue<E> queue;
    private final Thread batcher;
    private final ExecutorService senders;
    private final Semaphore senderPermits;
    private final Set<Batch<E>> outstanding = ConcurrentHashMap.newKeySet();
    private final boolean sendInline;
    // producers wake a parked batcher only once this many events wait in their stripe: at high rates a wake-up
    // per event (a system call on the caller's thread and a context switch) cost more than queueing itself
    private final int wakeThreshold;

    private final LongAdder queued = new LongAdder();
    private final LongAdder processed = new LongAdder();
    private final Reasons dropped = new Reasons();
    private final Reasons failed = new Reasons();
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAdder batches = new LongAdder();
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    private final AtomicInteger batcherState = new AtomicInteger(RUNNING);
    private final AtomicInteger flushWaiters = new AtomicInteger();
    private final AtomicBoolean shutdownStarted = new AtomicBoolean();
    private final Object settleMonitor = new Object();
    private volatile boolean closed;
    private volatile boolean abandoned;
    // set by a producer that found the queue full, cleared by the batcher when it takes events: under a full
    // queue callers read this flag instead of the queue's indexes (a cache line every producer writes)
    private volatile boolean full;
    private volatile SettlementListener<E> settlementListener;

    public Pipeline(PipelineSettings settings, BatchExporter<E> exporter, SendGate gate, ThreadFactory threads) {
        this.settings = settings;
        this.exporter = exporter;
        this.gate = gate == null ? SendGate.OPEN : gate;
        this.queue = new StripedQueue<>(settings.queueCapacity(), Runtime.getRuntime().availableProcessors());
        // with one worker, a hand-off to a second thread only adds a context switch (costly on small machines)
        this.sendInline = settings.workers() == 1;
        this.wakeThreshold = Math.max(1, Math.min(settings.batchSize(), queue.smallestBound() / 2));
        this.senderPermits = new Semaphore(settings.workers());
        ThreadFactory factory = threads == null ? daemonThreads() : threads;
        this.senders = Executors.newFixedThreadPool(settings.workers(), named(factory, "sender"));
        this.batcher = named(factory, "batcher").newThread(this::runBatcher);
        this.batcher.start();
    }

    public Pipeline(PipelineSettings settings, BatchExporter<E> exporter) {
        this(settings, exporter, SendGate.OPEN, null);
    }

    public String name() {
        return settings.name();
    }

    /** Hands an event over; returns false when it was dropped (queue full or shut down). Never blocks. */
    public boolean offer(E event) {
        queued.increment();
        if (closed) {
            dropped.add(DROPPED_SHUT_DOWN, 1);
            return false;
        }
        int stripe = full ? -1 : enqueue(event);
        if (stripe < 0) {
            dropped.add(DROPPED_QUEUE_FULL, 1);
            return false;
        }
        if (batcherState.get() == PARKED) {
            wakeBatcher(stripe);
        }
        return true;
    }

    private int enqueue(E event) {
        int stripe = queue.offer(event, queue.stripeOfCurrentThread());
        if (stripe < 0) {
            full = true;
            // the batcher may have taken events after our failed offer and before the flag was set: then no
            // one would clear it
            if (queue.size() < settings.queueCapacity()) {
                full = false;
            }
        }
        return stripe;
    }

    /**
     * A cheap hint for callers about to build an event: true while the queue was last seen full, when
     * {@link #offer} would drop. Count what is not built with {@link #recordDropped(String)} and
     * {@link #DROPPED_QUEUE_FULL}.
     */
    public boolean full() {
        return full;
    }

    /** Called on the settling thread with each batch's items and outcome (one listener; keep it quick). */
    public void onSettled(SettlementListener<E> listener) {
        this.settlementListener = listener;
    }

    /** Counts an event that was refused before it reached the queue (for example: opted out). */
    public void recordDropped(String reason) {
        queued.increment();
        dropped.add(reason, 1);
    }

    /** Sends everything queued so far without waiting for full batches; false if {@code timeout} passed first. */
    public boolean flush(java.time.Duration timeout) {
        long target = queued.sum();
        flushWaiters.incrementAndGet();
        try {
            LockSupport.unpark(batcher);
            return awaitSettled(target, System.nanoTime() + timeout.toNanos());
        } finally {
            flushWaiters.decrementAndGet();
        }
    }

    /**
     * Stops accepting events and drains: waits up to the shutdown timeout for everything queued to be
     * settled; what is still undelivered then is counted as failed. Idempotent.
     */
    public void shutdown() {
        if (!shutdownStarted.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        closed = true;
        flushWaiters.incrementAndGet();
        LockSupport.unpark(batcher);
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        boolean drained = awaitSettled(queued.sum(), deadline);
        abandoned = true;
        if (!drained) {
            settleOutstandingAsTimedOut();
            batcher.interrupt();
        }
        LockSupport.unpark(batcher);
        awaitTermination();
        if (!drained) {
            int left = queue.drain(e -> { }, Integer.MAX_VALUE);
            if (left > 0) {
                fail(left, FAILED_SHUTDOWN_TIMEOUT);
            }
            settleOutstandingAsTimedOut();
            LOG.warning(() -> "Tracing pipeline '" + name() + "' shut down before everything was delivered: "
                    + metrics().failedByReason().getOrDefault(FAILED_SHUTDOWN_TIMEOUT, 0L)
                    + " events counted as failed");
        }
        senders.shutdownNow();
        flushWaiters.decrementAndGet();
    }

    private void settleOutstandingAsTimedOut() {
        for (Batch<E> batch : outstanding) {
            settle(batch, ExportOutcome.failure(batch.items.size(), FAILED_SHUTDOWN_TIMEOUT));
        }
    }

    private void awaitTermination() {
        try {
            batcher.join(Math.max(1000, settings.shutdownTimeout().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isShutdown() {
        return closed;
    }

    /**
     * The counters, balanced whenever the pipeline holds still long enough to be read: an event moves from one
     * counter to the next in two steps (counted as queued before it is in the queue, out of flight before it is
     * counted as settled), so a reading taken between the steps misses it and is read again, for at most
     * {@value #METRICS_READ_NANOS} ns (a thread descheduled between its two steps).
     */
    public PipelineMetrics metrics() {
        PipelineMetrics reading = readCounters();
        long deadline = 0;
        for (int attempt = 0; !reading.balanced(); attempt++) {
            long now = System.nanoTime();
            if (attempt == 0) {
                deadline = now + METRICS_READ_NANOS;
            } else if (now - deadline >= 0) {
                break;
            }
            if (attempt < 16) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
            reading = readCounters();
        }
        return reading;
    }

    private PipelineMetrics readCounters() {
        return new PipelineMetrics(queued.sum(), processed.sum(), dropped.total(), failed.total(), queue.size(),
                inFlight.get(), batches.sum(), lastError, lastErrorAt, dropped.snapshot(), failed.snapshot());
    }

    private long settledCount() {
        return processed.sum() + dropped.total() + failed.total();
    }

    private boolean awaitSettled(long target, long deadlineNanos) {
        synchronized (settleMonitor) {
            while (settledCount() < target) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    settleMonitor.wait(Math.max(1, Math.min(SETTLE_POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void wakeBatcher(int stripe) {
        if (queue.size(stripe) >= wakeThreshold) {
            if (batcherState.compareAndSet(PARKED, RUNNING)) {
                LockSupport.unpark(batcher);
            }
        }
    }

    private void runBatcher() {
        int batchSize = settings.batchSize();
        long timeoutNanos = settings.batchTimeout().toNanos();
        List<E> batch = new ArrayList<>(batchSize);
        long oldestAt = 0;
        // events taken now arrived after the queue was last seen empty: their batch's wait counts from then
        // (the batcher may have slept through their arrival, woken only by the timeout)
        long lastSeenEmpty = System.nanoTime();
        while (!abandoned) {
            int taken = queue.drain(batch::add, batchSize - batch.size());
            if (taken > 0) {
                inFlight.addAndGet(taken);
                if (full) {
                    full = false;
                }
                if (batch.size() == taken) {
                    oldestAt = lastSeenEmpty;
                }
                if (batch.size() >= batchSize) {
                    dispatch(batch);
                    batch = new ArrayList<>(batchSize);
                }
                continue;
            }
            lastSeenEmpty = System.nanoTime();
            if (!batch.isEmpty()) {
                long waited = lastSeenEmpty - oldestAt;
                if (waited >= timeoutNanos || flushWaiters.get() > 0) {
                    dispatch(batch);
                    batch = new ArrayList<>(batchSize);
                } else {
                    park(timeoutNanos - waited);
                }
            } else if (closed && queue.isEmpty()) {
                break;
            } else {
                park(timeoutNanos);
            }
        }
        if (!batch.isEmpty()) {
            inFlight.addAndGet(-batch.size());
            fail(batch.size(), FAILED_SHUTDOWN_TIMEOUT);
        }
    }

    private void park(long nanos) {
        batcherState.set(PARKED);
        if (queue.size() < wakeThreshold) {
            if (flushWaiters.get() == 0 && !abandoned) {
                LockSupport.parkNanos(this, nanos);
            }
        }
        batcherState.set(RUNNING);
    }

    private void dispatch(List<E> items) {
        Batch<E> batch = new Batch<>(items);
        String refusal;
        try {
            refusal = gate.refusal();
        } catch (RuntimeException e) {
            refusal = "send gate failed: " + e.getClass().getSimpleName();
        }
        if (refusal != null) {
            settle(batch, ExportOutcome.notSent(items.size(), refusal));
            return;
        }
        outstanding.add(batch);
        if (sendInline) {
            batches.increment();
            senderPermits.acquireUninterruptibly();
            send(batch);
            return;
        }
        try {
            while (!senderPermits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    settle(batch, ExportOutcome.failure(items.size(), FAILED_SHUTDOWN_TIMEOUT));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(batch, ExportOutcome.failure(items.size(), FAILED_SHUTDOWN_TIMEOUT));
            return;
        }
        batches.increment();
        try {
            senders.execute(() -> send(batch));
        } catch (RejectedExecutionException e) {
            senderPermits.release();
            settle(batch, ExportOutcome.failure(items.size(), FAILED_SHUTDOWN_TIMEOUT));
        }
    }

    private void send(Batch<E> batch) {
        ExportOutcome outcome;
        try {
            outcome = exporter.export(batch.items);
            if (outcome == null || outcome.total() != batch.items.size()) {
                outcome = ExportOutcome.failure(batch.items.size(), "exporter returned an inconsistent outcome");
            }
        } catch (Throwable t) {
            LOG.log(Level.FINE, "Exporter failed", t);
            outcome = ExportOutcome.failure(batch.items.size(), t.getClass().getSimpleName());
        } finally {
            senderPermits.release();
        }
        settle(batch, outcome);
    }

    private void settle(Batch<E> batch, ExportOutcome outcome) {
        if (!batch.settled.compareAndSet(false, true)) {
            return;
        }
        // out of flight before counted as settled: whoever waits for the settled counts (flush, shutdown)
        // then sees a balanced snapshot, also when a sender thread settles the last batch
        inFlight.addAndGet(-batch.items.size());
        outstanding.remove(batch);
        if (outcome.failed() > 0) {
            lastError = outcome.error();
            lastErrorAt = Instant.now();
            failed.add(outcome.error(), outcome.failed());
        }
        dropped.add(outcome.notSentReason(), outcome.notSent());
        processed.add(outcome.accepted());
        SettlementListener<E> listener = settlementListener;
        if (listener != null) {
            try {
                listener.settled(batch.items, outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A settlement listener failed", e);
            }
        }
        if (flushWaiters.get() > 0) {
            synchronized (settleMonitor) {
                settleMonitor.notifyAll();
            }
        }
    }

    private void fail(int count, String reason) {
        failed.add(reason, count);
        lastError = reason;
        lastErrorAt = Instant.now();
    }

    private ThreadFactory named(ThreadFactory factory, String role) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = factory.newThread(task);
            thread.setName("automagik-tracing-" + settings.name() + "-" + role + "-" + counter.incrementAndGet());
            return thread;
        };
    }

    private static ThreadFactory daemonThreads() {
        return task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Batch<E> {
        final List<E> items;
        final AtomicBoolean settled = new AtomicBoolean();

        Batch(List<E> items) {
            this.items = items;
        }
    }
}
