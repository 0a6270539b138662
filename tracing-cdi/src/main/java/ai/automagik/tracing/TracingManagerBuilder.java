package ai.automagik.tracing;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;
import ai.automagik.tracing.trace.DefaultTracingManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/** Builds a {@link TracingManager} without a container (tests, batch jobs, benchmarks). */
public final class TracingManagerBuilder {

    private TracingConfig config;
    private final Map<String, SendGuard> guards = new LinkedHashMap<>();
    private ThreadFactory threads;

    TracingManagerBuilder() {
    }

    public TracingManagerBuilder config(TracingConfig value) {
        this.config = Objects.requireNonNull(value, "config");
        return this;
    }

    /** A circuit breaker for a destination ({@code telemetry}, {@code langwatch}, {@code otlp}); default: none. */
    public TracingManagerBuilder sendGuard(String destination, SendGuard guard) {
        guards.put(destination, guard);
        return this;
    }

    /** Where worker threads come from, e.g. a Jakarta Concurrency {@code ManagedThreadFactory}. */
    public TracingManagerBuilder threadFactory(ThreadFactory value) {
        this.threads = value;
        return this;
    }

    public TracingManager build() {
        return new DefaultTracingManager(config == null ? TracingConfig.defaults() : config, guards, threads);
    }
}
