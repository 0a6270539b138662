package ai.automagik.tracing;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;
import ai.automagik.tracing.provider.LangWatchProvider;
import ai.automagik.tracing.provider.OtlpProvider;
import ai.automagik.tracing.trace.DefaultTracingManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/** Builds a {@link TracingManager} without a container (tests, batch jobs, benchmarks). */
public final class TracingManagerBuilder {

    private TracingConfig config;
    private SendGuard telemetryGuard = SendGuard.DIRECT;
    private final List<ObservabilityProvider> providers = new ArrayList<>();
    private ThreadFactory threads;

    TracingManagerBuilder() {
    }

    public TracingManagerBuilder config(TracingConfig value) {
        this.config = Objects.requireNonNull(value, "config");
        return this;
    }

    /** A circuit breaker around telemetry requests; default: none. */
    public TracingManagerBuilder telemetryGuard(SendGuard guard) {
        this.telemetryGuard = Objects.requireNonNull(guard, "guard");
        return this;
    }

    /** An extra observability provider, besides the built-in LangWatch and OTLP ones. */
    public TracingManagerBuilder provider(ObservabilityProvider provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /** Where worker threads come from, e.g. a Jakarta Concurrency {@code ManagedThreadFactory}. */
    public TracingManagerBuilder threadFactory(ThreadFactory value) {
        this.threads = value;
        return this;
    }

    public TracingManager build() {
        List<ObservabilityProvider> all = new ArrayList<>(List.of(new LangWatchProvider(SendGuard.DIRECT),
                new OtlpProvider(SendGuard.DIRECT)));
        all.addAll(providers);
        return new DefaultTracingManager(config == null ? TracingConfig.defaults() : config, telemetryGuard, all, threads);
    }
}
