package ai.automagik.tracing.jaxrs;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.TracingManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the tracing pipeline in {@code /health/ready}. Always UP: a dead collector must never take the
 * application out of service; the details (queue fill, circuit states, counters) are in the data.
 */
@Readiness
@ApplicationScoped
public class PipelineReadinessCheck implements HealthCheck {

    @Inject
    TracingManager tracing;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("automagik-tracing").up();
        try {
            MetricsSnapshot metrics = tracing.metrics();
            builder.withData("telemetryEnabled", metrics.telemetryEnabled())
                    .withData("queued", metrics.tracer().queued())
                    .withData("processed", metrics.tracer().processed())
                    .withData("dropped", metrics.tracer().dropped())
                    .withData("failed", metrics.tracer().failed())
                    .withData("queueSize", metrics.tracer().queueSize())
                    .withData("queueCapacity", tracing.config().queueSize());
            if (metrics.telemetryDisabledReason() != null) {
                builder.withData("telemetryDisabledReason", metrics.telemetryDisabledReason());
            }
            for (ProviderMetrics provider : metrics.providers()) {
                builder.withData(provider.name() + ".circuit", provider.circuitState());
            }
        } catch (RuntimeException e) {
            builder.withData("error", e.getClass().getSimpleName());
        }
        return builder.build();
    }
}
