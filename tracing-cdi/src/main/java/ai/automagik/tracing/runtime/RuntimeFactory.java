package ai.automagik.tracing.runtime;

import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.TracingRuntimeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/** What {@code TracingManager.builder()} finds through the {@link java.util.ServiceLoader}. */
public final class RuntimeFactory implements TracingRuntimeFactory {

    @Override
    public TracingManager create(Map<String, String> settings, List<ObservabilityProvider> providers,
            SendGuard telemetryGuard, ThreadFactory threads, Clock clock) {
        TracingConfig config = TracingConfig.fromMap(settings);
        List<ObservabilityProvider> all = new ArrayList<>(DefaultTracingManager.builtInProviders(config, SendGuard.DIRECT,
                SendGuard.DIRECT));
        all.addAll(providers);
        return new DefaultTracingManager(config, telemetryGuard, all, threads, clock);
    }
}
