package ai.automagik.tracing.cdi;

import ai.automagik.tracing.config.InvalidConfigurationException;
import ai.automagik.tracing.diagnostics.ConfigurationRejected;
import ai.automagik.tracing.spi.SendGuard;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;

import java.util.List;
import java.util.logging.Logger;

/**
 * Checks every tracing setting once the container has validated the deployment and before any bean is created,
 * so that an invalid one is the deployment's first error, in one line naming the setting, its value (masked when
 * secret) and what is allowed, rather than a container exception with the reason further down. The deployment then
 * fails; a {@link ConfigurationRejected} event says why first.
 */
public class ConfigurationCheck implements Extension {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AfterDeploymentValidation validation,
            BeanManager beans) {
        try {
            MicroProfileConfigLookup.read(Thread.currentThread().getContextClassLoader());
            for (SendGuard breaker : List.of(new TelemetryCircuitBreaker(), new LangWatchCircuitBreaker(),
                    new OtlpCircuitBreaker())) {
                breaker.openDelay();
                breaker.failureThreshold();
            }
        } catch (InvalidConfigurationException e) {
            LOG.severe(e.getMessage());
            beans.getEvent().select(ConfigurationRejected.class).fire(new ConfigurationRejected(e.setting(),
                    e.getMessage()));
            validation.addDeploymentProblem(e);
        }
    }
}
