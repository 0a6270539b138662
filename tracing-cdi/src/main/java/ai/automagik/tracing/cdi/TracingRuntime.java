package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.ObservabilityProvider;
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
 * Owns the application's tracing runtime: reads the configuration when the application starts (checked
 * before by {@link ConfigurationCheck}), produces the
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
