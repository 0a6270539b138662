package ai.automagik.tracing.trace;

import ai.automagik.tracing.TraceContext;

/**
 * Decides, when a local trace of observed spans starts, whether it is kept, so that the context it sends on
 * ({@code traceparent}'s sampled flag, {@code tracestate}) tells the truth from the start. The implementation is
 * the sampling package's; without one every trace is kept and nothing of the trace state changes.
 */
public interface HeadSampler {

    HeadSampler ALWAYS = new HeadSampler() {
        @Override
        public HeadDecision decide(String name, TraceContext parent, long traceIdHigh, long traceIdLow,
                long startEpochNanos) {
            return KEEP;
        }

        @Override
        public boolean sampled(HeadDecision decision) {
            return true;
        }

        @Override
        public String traceState(HeadDecision decision, TraceContext parent) {
            return parent == null ? "" : parent.traceState();
        }
    };

    /** What {@link #ALWAYS} decides. */
    HeadDecision KEEP = () -> true;

    /**
     * @param name the local root's name (its trace type)
     * @param parent the remote (or other tracing system's) parent, null for a new trace
     * @param traceIdHigh the trace id's high 64 bits
     * @param traceIdLow the trace id's low 64 bits (their right-most 56 are random for a new trace)
     * @param startEpochNanos when the local root started
     */
    HeadDecision decide(String name, TraceContext parent, long traceIdHigh, long traceIdLow, long startEpochNanos);

    /** The sampled flag this process sends on for a trace so decided. */
    boolean sampled(HeadDecision decision);

    /** The {@code tracestate} this process sends on for a trace so decided. */
    String traceState(HeadDecision decision, TraceContext parent);
}
