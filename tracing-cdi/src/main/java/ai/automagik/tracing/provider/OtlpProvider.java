package ai.automagik.tracing.provider;

import ai.automagik.tracing.ObservabilityProvider;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;

import java.net.URI;
import java.util.Map;

/** Any OTLP/HTTP endpoint (an OpenTelemetry Collector, Langfuse, …), with configured headers. */
public final class OtlpProvider implements ObservabilityProvider {

    public static final String NAME = "otlp";

    private final SendGuard guard;

    public OtlpProvider(SendGuard guard) {
        this.guard = guard;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled(TracingConfig config) {
        return config.otlpEndpoint().isPresent();
    }

    @Override
    public URI endpoint(TracingConfig config) {
        return config.otlpEndpoint().orElseThrow();
    }

    @Override
    public Map<String, String> headers(TracingConfig config) {
        return config.otlpHeaders();
    }

    @Override
    public SendGuard guard() {
        return guard;
    }
}
