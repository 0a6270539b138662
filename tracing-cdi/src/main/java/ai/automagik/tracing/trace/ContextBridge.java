package ai.automagik.tracing.trace;

import ai.automagik.tracing.Scope;
import ai.automagik.tracing.TraceContext;

/**
 * Joins this tracer's current span with another tracing system's on the same thread (OpenTelemetry,
 * when the application has it): a span that starts with no span of ours current continues the other
 * system's active span, and while one of our observed spans is current, the other system sees it as its
 * current span too, so spans it starts are our children. {@link #NONE} when there is no such system.
 */
public interface ContextBridge {

    ContextBridge NONE = new ContextBridge() {
        @Override
        public TraceContext activeParent() {
            return null;
        }

        @Override
        public Scope enter(TraceContext context) {
            return Scope.NOOP;
        }
    };

    /** The other system's active span on this thread, as a parent for a new trace of ours; null when none. */
    TraceContext activeParent();

    /**
     * Makes {@code context} the other system's current span on this thread until the returned scope is
     * closed; closing it on another thread does nothing.
     */
    Scope enter(TraceContext context);
}
