package ai.automagik.tracing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an operator needs to see at once; every view (REST, console, health) reads this.
 *
 * @param telemetryDisabledReason the opt-out rule that turned telemetry off, {@code null} when on
 * @param tracer the telemetry pipeline's counters (the seed's {@code metrics['tracer']})
 * @param sampling sampling decisions by reason: at a trace's start {@code caller}, {@code first}, {@code random},
 *        {@code rate_limited}, {@code not_sampled}; at its end {@code error}, {@code slow}, {@code downstream},
 *        {@code error_rate_limited}, {@code slow_rate_limited}, {@code buffer_overflow}; then the incoming
 *        {@code tracestate} headers dropped as invalid ({@code tracestate_rejected}) and OpenTelemetry members
 *        whose {@code th} or {@code rv} was ignored ({@code ot_malformed})
 */
public record MetricsSnapshot(
        Instant takenAt,
        boolean telemetryEnabled,
        String telemetryDisabledReason,
        boolean observabilityEnabled,
        String telemetryEndpoint,
        String anonymousId,
        String sessionId,
        PipelineMetrics tracer,
        List<ProviderMetrics> providers,
        Map<String, Long> sampling) {
}
