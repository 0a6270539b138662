package ai.automagik.tracing.provider;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.Settings;

import java.net.URI;
import java.util.Map;

/** Any OTLP/HTTP endpoint (an OpenTelemetry Collector, Langfuse, …), with configured headers. */
public final class OtlpProvider implements ObservabilityProvider {

    public static final String NAME = "otlp";

    private final TracingConfig config;
    private final SendGuard guard;

    public OtlpProvider(TracingConfig config, SendGuard guard) {
        this.config = config;
        this.guard = guard;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled(Settings settings) {
        return config.otlpEndpoint().isPresent();
    }

    @Override
    public URI endpoint(Settings settings) {
        return config.otlpEndpoint().orElseThrow();
    }

    @Override
    public Map<String, String> headers(Settings settings) {
        return config.otlpHeaders();
    }

    @Override
    public String protocol(Settings settings) {
        return config.otlpProtocol().setting();
    }

    @Override
    public SendGuard guard() {
        return guard;
    }
}
