package ai.automagik.tracing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an operator needs to see at once; every view (REST, console, health) reads this.
 *
 * @param telemetryDisabledReason the opt-out rule that turned telemetry off, {@code null} when on
 * @param tracer the telemetry pipeline's counters (the seed's {@code metrics['tracer']})
 * @param sampling tail-sampling decisions by reason ({@code error}, {@code slow}, {@code first},
 *        {@code random}, {@code rate_limited}, {@code not_sampled}, {@code buffer_overflow})
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
