package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the application's tracing runtime: reads and validates the configuration when the application
 * starts (an invalid value fails the deployment with a message naming the key), produces the
 * injectable {@link TracingManager}, {@link Tracer} and {@link TracingDiagnostics}, sends
 * {@code system.startup}, and drains the queues when the application stops.
 */
@ApplicationScoped
public class TracingRuntime {

    private static final Logger LOG = Logger.getLogger(TracingRuntime.class.getName());

    @Inject
    TelemetryCircuitBreaker telemetryBreaker;

    @Inject
    LangWatchCircuitBreaker langWatchBreaker;

    @Inject
    OtlpCircuitBreaker otlpBreaker;

    @Inject
    @Any
    Instance<ObservabilityProvider> customProviders;

    private DefaultTracingManager manager;

    @PostConstruct
    void create() {
        ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
        TracingConfig config = MicroProfileConfigLookup.read(applicationLoader);
        // the breakers' overrides are read (and checked) now, so a wrong one fails the deployment naming its key
        for (SendGuard breaker : List.of(telemetryBreaker, langWatchBreaker, otlpBreaker)) {
            breaker.openDelay();
            breaker.failureThreshold();
        }
        List<ObservabilityProvider> providers = new ArrayList<>(DefaultTracingManager.builtInProviders(config,
                langWatchBreaker, otlpBreaker));
        customProviders.forEach(providers::add);
        manager = new DefaultTracingManager(config, telemetryBreaker, providers,
                WorkerThreads.forApplication(applicationLoader), Clock.SYSTEM);
        LOG.fine(() -> "Automagik Tracing configured: " + config);
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        manager.start();
    }

    @Produces
    @ApplicationScoped
    TracingManager tracingManager() {
        return manager;
    }

    @Produces
    @ApplicationScoped
    Tracer tracer() {
        return manager.tracer();
    }

    @Produces
    @ApplicationScoped
    TracingDiagnostics diagnostics() {
        return manager;
    }

    @PreDestroy
    void stop() {
        try {
            manager.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Automagik Tracing did not shut down cleanly", e);
        }
    }
}
