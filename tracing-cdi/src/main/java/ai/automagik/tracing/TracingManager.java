package ai.automagik.tracing;

import java.time.Duration;

/**
 * The application's tracing runtime: privacy state, the telemetry and observability layers and their
 * metrics. One per application; inject it with CDI or build one with {@link #builder()}. Operators' views
 * (recent traces, payloads, configuration) are in {@code ai.automagik.tracing.diagnostics}.
 *
 * <pre>{@code
 * TracingManager tracing = ...;              // @Inject TracingManager tracing;
 * tracing.metrics().telemetryEnabled();      // Telemetry enabled
 * tracing.metrics().telemetryEndpoint();     // Endpoint
 * tracing.anonymousId();                     // Anonymous ID
 * tracing.metrics().tracer().queued();       // Events queued
 * tracing.metrics().tracer().processed();    // Events sent
 * }</pre>
 */
public interface TracingManager {

    Tracer tracer();

    /**
     * The anonymous installation id sent as {@code user.id}: random, never derived from the machine; null
     * while none exists (it is created on the first start with telemetry on, never under the kill switch).
     */
    String anonymousId();

    /** A random id per application start, sent as {@code session.id}. */
    String sessionId();

    /** Whether telemetry is being sent right now (after every opt-out rule). */
    boolean telemetryEnabled();

    /** The persistent opt-out toggle: writes or removes {@code ~/.automagik-no-telemetry}; effective for the next event. */
    void setTelemetryEnabled(boolean enabled);

    MetricsSnapshot metrics();

    /** Enqueues a {@code test.event} and returns its span id (hex). */
    String sendTestEvent();

    /** Waits until everything queued so far is settled; false if the timeout passed first. */
    boolean flush(Duration timeout);

    /** Stops accepting events and drains the queues within the configured bound. Idempotent. */
    void shutdown();

    static TracingManagerBuilder builder() {
        return new TracingManagerBuilder();
    }
}
