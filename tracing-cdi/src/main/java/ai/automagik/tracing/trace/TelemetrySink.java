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

    /**
     * Read on the caller's thread before building an event: false while the queue is full, when an event
     * recorded now would only be counted as dropped. The caller then counts it with
     * {@link #dropForLackOfRoom()} instead of building it. A hint: {@link #record} checks again.
     */
    default boolean hasRoom() {
        return true;
    }

    /** Counts one event that was not built because {@link #hasRoom()} said the queue was full. */
    default void dropForLackOfRoom() {
    }

    void record(TelemetryEvent event, long startEpochNanos, long endEpochNanos);
}
