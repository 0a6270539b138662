package ai.automagik.tracing;

import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.TracingRuntimeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link TracingManager} without a container (tests, batch jobs, benchmarks): the same settings
 * as in MicroProfile Config, by environment variable or property name.
 *
 * <pre>{@code
 * TracingManager tracing = TracingManager.builder()
 *         .setting("AUTOMAGIK_OTLP_ENDPOINT", "http://127.0.0.1:4318/v1/traces")
 *         .build();
 * }</pre>
 */
public final class TracingManagerBuilder {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private SendGuard telemetryGuard = SendGuard.DIRECT;
    private final List<ObservabilityProvider> providers = new ArrayList<>();
    private ThreadFactory threads;
    private Clock clock = Clock.SYSTEM;

    TracingManagerBuilder() {
    }

    /** One setting, e.g. {@code AUTOMAGIK_SAMPLING_RATE} or {@code automagik.sampling.rate}; nothing else is read. */
    public TracingManagerBuilder setting(String name, String value) {
        settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Several settings at once. */
    public TracingManagerBuilder settings(Map<String, String> values) {
        values.forEach(this::setting);
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

    /** Where time is read; the system clock by default. */
    public TracingManagerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * The runtime, configured and validated: an invalid setting throws {@link IllegalArgumentException}
     * naming the key, the value and what is allowed.
     */
    public TracingManager build() {
        TracingRuntimeFactory factory = ServiceLoader.load(TracingRuntimeFactory.class,
                TracingManagerBuilder.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
                        "no " + TracingRuntimeFactory.class.getName() + " on the class path: add tracing-cdi"));
        return factory.create(Map.copyOf(settings), List.copyOf(providers), telemetryGuard, threads, clock);
    }
}
