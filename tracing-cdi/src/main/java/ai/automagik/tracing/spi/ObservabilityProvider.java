package ai.automagik.tracing.spi;

import java.net.URI;
import java.util.Map;

/**
 * A destination for detailed traces, sent over OTLP/HTTP. LangWatch and a generic OTLP endpoint are built
 * in; to add another, make a CDI bean implementing this interface (or pass it to
 * {@code TracingManager.builder().provider(…)}). Each enabled provider gets its own pipeline, counters and
 * circuit breaker, and several may run at once. The spans it receives follow the OpenTelemetry GenAI
 * semantic conventions; a vendor that wants keys of its own adds them with a {@link SpanConvention}.
 */
public interface ObservabilityProvider {

    /** A short unique name, shown in the metrics ({@code langwatch}, {@code otlp}, …). */
    String name();

    /** Whether the provider is on; decided from configuration alone. */
    boolean enabled(Settings settings);

    /** The full OTLP/HTTP traces URL. */
    URI endpoint(Settings settings);

    /** Headers for every request, e.g. authorization; their values are never logged or shown. */
    default Map<String, String> headers(Settings settings) {
        return Map.of();
    }

    /**
     * The OTLP/HTTP encoding, as {@code OTEL_EXPORTER_OTLP_PROTOCOL} names it: {@code http/json} (the default) or
     * {@code http/protobuf}.
     */
    default String protocol(Settings settings) {
        return "http/json";
    }

    /** Attributes of the vendor's own, added to every span sent to this provider; none by default. */
    default SpanConvention convention() {
        return SpanConvention.NONE;
    }

    /**
     * The circuit breaker around each request. The default has none; return a CDI bean whose {@code send}
     * carries MicroProfile Fault Tolerance's {@code @CircuitBreaker} to get one.
     */
    default SendGuard guard() {
        return SendGuard.DIRECT;
    }
}
