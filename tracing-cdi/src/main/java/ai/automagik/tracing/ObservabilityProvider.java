package ai.automagik.tracing;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;

import java.net.URI;
import java.util.Map;

/**
 * A destination for detailed traces, sent as OTLP/HTTP JSON. LangWatch and a generic OTLP endpoint are
 * built in; to add another, make a CDI bean implementing this interface. Each enabled provider gets its
 * own pipeline, counters and circuit breaker, and several may run at once.
 */
public interface ObservabilityProvider {

    /** A short unique name, shown in the metrics ({@code langwatch}, {@code otlp}, …). */
    String name();

    /** Whether the provider is on; decided from configuration alone. */
    boolean enabled(TracingConfig config);

    /** The full OTLP/HTTP traces URL. */
    URI endpoint(TracingConfig config);

    /** Headers for every request, e.g. authorization; their values are never logged or shown. */
    default Map<String, String> headers(TracingConfig config) {
        return Map.of();
    }

    /**
     * The circuit breaker around each request. The default has none; return a CDI bean whose {@code send}
     * carries MicroProfile Fault Tolerance's {@code @CircuitBreaker} to get one.
     */
    default SendGuard guard() {
        return SendGuard.DIRECT;
    }
}
