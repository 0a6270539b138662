package ai.automagik.tracing.trace;

import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.sampling.Decision;
import ai.automagik.tracing.sampling.TraceBuffer;

/** Where the tracer sends finished observability spans: the sampler and the providers behind it. */
public interface TraceSink {

    TraceSink OFF = new TraceSink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean captureContent() {
            return false;
        }

        @Override
        public TraceBuffer openTrace() {
            return null;
        }

        @Override
        public Decision rootEnded(SpanData root, TraceBuffer buffer) {
            return Decision.NOT_SAMPLED;
        }

        @Override
        public void lateSpan(SpanData span, Decision decision) {
        }
    };

    /** Read on the caller's thread: must be a cheap field read. */
    boolean enabled();

    boolean captureContent();

    /** A buffer for a new local trace, or null when no more traces can be buffered. */
    TraceBuffer openTrace();

    /**
     * The local root ended: decide and export the trace. {@code buffer} holds its children, or is null
     * when it had none (or none could be buffered). Returns the decision, which later children follow.
     */
    Decision rootEnded(SpanData root, TraceBuffer buffer);

    /** A span that ended after its trace was decided. */
    void lateSpan(SpanData span, Decision decision);
}
