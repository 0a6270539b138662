package ai.automagik.tracing.trace;

import ai.automagik.tracing.TelemetryEvent;

/** Where the tracer sends anonymous usage events. */
public interface TelemetrySink {

    TelemetrySink OFF = new TelemetrySink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void record(TelemetryEvent event, long startEpochNanos, long endEpochNanos) {
        }
    };

    /** Read on the caller's thread before building an event: must be a cheap field read. */
    boolean enabled();

    void record(TelemetryEvent event, long startEpochNanos, long endEpochNanos);
}
