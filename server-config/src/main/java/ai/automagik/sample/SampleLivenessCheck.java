package ai.automagik.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The sample application is alive when its agents are registered. */
@Liveness
@ApplicationScoped
public class SampleLivenessCheck implements HealthCheck {

    @Inject
    AgentRegistry registry;

    @Override
    public HealthCheckResponse call() {
        int agents = registry.all().size();
        return HealthCheckResponse.named("sample-agents").status(agents > 0).withData("agents", agents).build();
    }
}
