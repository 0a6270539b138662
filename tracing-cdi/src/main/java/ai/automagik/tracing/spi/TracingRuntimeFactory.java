package ai.automagik.tracing.spi;

import ai.automagik.tracing.TracingManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Builds the runtime behind {@code TracingManager.builder()}; found with {@link java.util.ServiceLoader}, so
 * the public API names no implementation class. The product's core provides the one implementation.
 */
public interface TracingRuntimeFactory {

    /**
     * @param settings       configuration by property or environment variable name, validated here
     * @param providers      observability providers besides the built-in LangWatch and OTLP ones
     * @param telemetryGuard the circuit breaker around telemetry requests
     * @param threads        where worker threads come from; null for plain daemon threads
     * @param clock          where time is read
     */
    TracingManager create(Map<String, String> settings, List<ObservabilityProvider> providers,
            SendGuard telemetryGuard, ThreadFactory threads, Clock clock);
}
