package ai.automagik.tracing;

import java.time.Instant;

/**
 * One destination (the anonymous telemetry endpoint, LangWatch, an OTLP collector) with its own
 * pipeline counters and circuit breaker.
 *
 * @param circuitState {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}, as last observed
 * @param consecutiveFailures failed export requests since the last success
 */
public record ProviderMetrics(
        String name,
        String endpoint,
        String circuitState,
        Instant circuitChangedAt,
        long consecutiveFailures,
        PipelineMetrics pipeline) {
}
