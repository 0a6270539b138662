package ai.automagik.tracing.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the tracing pipeline in {@code /health/ready}. Always UP: a dead collector must never take the
 * application out of service. It carries no data: health endpoints answer anyone, and the counters, circuit
 * states and opt-out reason are for the admin role ({@code GET /api/tracing/status}).
 */
@Readiness
@ApplicationScoped
public class PipelineReadinessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("automagik-tracing");
    }
}
