package ai.automagik.tracing.sampling;

import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.trace.HeadDecision;
import ai.automagik.tracing.trace.HeadSampler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sampling rules, decided where they can be. At a local trace's start: a caller's sampled flag wins (kept:
 * {@link Decision#CALLER}; not sampled: the probability rule says no); a trace of our own is kept when it is the
 * first of its type, or by consistent probability sampling ({@link ConsistentProbability}: the trace id's
 * randomness against the threshold of {@code baseRate}, the same decision in every service sampling at that rate),
 * at most {@code maxPerSecond} per type per second. At the local root's end: a trace its start did not keep is
 * still kept (as a partial trace) for an error (at {@code errorRate}), for being slower than the threshold, or
 * because a service it called kept its part; error and slow traces at most {@code maxTailPerSecond} per type per
 * second each. Kept traces carry the threshold ({@code ot=th:…}) in the {@code tracestate} they send on.
 * <p>
 * In collector mode every trace is recorded and exported (its context says sampled), with the local verdict as
 * attributes, for the OpenTelemetry Collector's tail sampling across instances.
 */
public final class TraceSampler implements HeadSampler {

    private final double errorRate;
    private final long slowThresholdNanos;
    private final long threshold;
    private final String ownTraceState;
    private final boolean collectorMode;
    private final int maxOpenTraces;
    private final TypeWindows kept;
    private final TypeWindows errors;
    private final TypeWindows slow;
    private final AtomicInteger openTraces = new AtomicInteger();
    private final LongAdder[] counts = new LongAdder[Decision.values().length];
    private final LongAdder traceStateRejected = new LongAdder();
    private final LongAdder otMalformed = new LongAdder();

    public TraceSampler(double baseRate, double errorRate, long slowThresholdMillis, int maxPerSecond,
            int maxTailPerSecond, int maxOpenTraces, boolean collectorMode) {
        this.errorRate = errorRate;
        this.slowThresholdNanos = slowThresholdMillis * 1_000_000L;
        this.threshold = ConsistentProbability.threshold(baseRate, ConsistentProbability.DEFAULT_PRECISION);
        this.ownTraceState = threshold < ConsistentProbability.MAX_THRESHOLD
                ? "ot=th:" + ConsistentProbability.encode(threshold) : "";
        this.collectorMode = collectorMode;
        this.maxOpenTraces = maxOpenTraces;
        this.kept = new TypeWindows(maxPerSecond);
        this.errors = new TypeWindows(maxTailPerSecond);
        this.slow = new TypeWindows(maxTailPerSecond);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** The rejection threshold of the base rate (56 bits). */
    public long threshold() {
        return threshold;
    }

    public boolean collectorMode() {
        return collectorMode;
    }

    @Override
    public HeadDecision decide(String name, TraceContext parent, long traceIdHigh, long traceIdLow,
            long startEpochNanos) {
        if (parent != null) {
            if (parent.traceStateRejected()) {
                traceStateRejected.increment();
            }
            return parent.isSampled() ? Decision.CALLER : Decision.NOT_SAMPLED;
        }
        AtomicLong window = kept.windowUnlessFirst(name);
        if (window == null) {
            return Decision.FIRST;
        }
        if (!ConsistentProbability.keeps(ConsistentProbability.randomness(traceIdLow), threshold)) {
            return Decision.NOT_SAMPLED;
        }
        return kept.permit(window, startEpochNanos / 1_000_000_000L) ? Decision.RANDOM : Decision.RATE_LIMITED;
    }

    @Override
    public boolean sampled(HeadDecision decision) {
        return collectorMode || decision.keep();
    }

    @Override
    public String traceState(HeadDecision decision, TraceContext parent) {
        if (parent == null) {
            return decision == Decision.RANDOM ? ownTraceState : "";
        }
        String incoming = parent.traceState();
        if (incoming.isEmpty()) {
            return incoming;
        }
        OtelTraceState ot = OtelTraceState.parse(incoming);
        if (ot.malformed()) {
            otMalformed.increment();
        }
        if (ot.threshold() < 0) {
            // no threshold to judge: passed on as it came, less what was malformed
            return ot.malformed() ? ot.withThreshold(-1) : incoming;
        }
        long r = ot.randomness() >= 0 ? ot.randomness() : ConsistentProbability.randomness(parent.traceIdLow());
        // a kept trace passes on its caller's threshold when it agrees with the sampled flag; a dropped one none
        boolean passOn = decision.keep() && ConsistentProbability.keeps(r, ot.threshold());
        return passOn && !ot.malformed() ? incoming : ot.withThreshold(passOn ? ot.threshold() : -1);
    }

    /**
     * The decision for a local trace whose root just ended. {@code head} is what its start decided;
     * {@code traceFailed}: a span of it recorded an error; {@code keepRequested}: a service it called kept its part.
     */
    public Decision decide(String name, HeadDecision head, boolean traceFailed, long durationNanos, long endEpochNanos,
            boolean keepRequested) {
        Decision start = head instanceof Decision d ? d : Decision.RANDOM;
        Decision decision = tail(name, start, traceFailed, durationNanos, endEpochNanos / 1_000_000_000L, keepRequested);
        counts[decision.ordinal()].increment();
        return decision;
    }

    private Decision tail(String name, Decision start, boolean failed, long durationNanos, long second,
            boolean keepRequested) {
        if (start.keep()) {
            return start;
        }
        if (failed && (errorRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < errorRate)) {
            return errors.permit(name, second) ? Decision.ERROR : Decision.ERROR_RATE_LIMITED;
        }
        if (durationNanos > slowThresholdNanos) {
            return slow.permit(name, second) ? Decision.SLOW : Decision.SLOW_RATE_LIMITED;
        }
        return keepRequested ? Decision.DOWNSTREAM : start;
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

    /** Gives back the slot {@link #tryOpen()} took, when the trace's buffer is decided. */
    public void release() {
        openTraces.decrementAndGet();
    }

    public int openTraces() {
        return openTraces.get();
    }

    /**
     * Decisions so far by reason, then the incoming trace states that were dropped as invalid
     * ({@code tracestate_rejected}) and OpenTelemetry members whose {@code th} or {@code rv} was ignored
     * ({@code ot_malformed}).
     */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        for (Decision decision : Decision.values()) {
            snapshot.put(decision.reason(), counts[decision.ordinal()].sum());
        }
        snapshot.put("tracestate_rejected", traceStateRejected.sum());
        snapshot.put("ot_malformed", otMalformed.sum());
        return snapshot;
    }
}
