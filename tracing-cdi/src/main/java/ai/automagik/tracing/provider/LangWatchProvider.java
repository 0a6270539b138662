package ai.automagik.tracing.provider;

import ai.automagik.tracing.ObservabilityProvider;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;

import java.net.URI;
import java.util.Map;

/** LangWatch: OTLP/HTTP JSON to {@code {LANGWATCH_ENDPOINT}/api/otel/v1/traces} with the API key as Bearer token. */
public final class LangWatchProvider implements ObservabilityProvider {

    public static final String NAME = "langwatch";

    private final SendGuard guard;

    public LangWatchProvider(SendGuard guard) {
        this.guard = guard;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled(TracingConfig config) {
        return config.langwatchApiKey() != null;
    }

    @Override
    public URI endpoint(TracingConfig config) {
        String base = config.langwatchEndpoint().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/otel/v1/traces");
    }

    @Override
    public Map<String, String> headers(TracingConfig config) {
        return Map.of("Authorization", "Bearer " + config.langwatchApiKey());
    }

    @Override
    public SendGuard guard() {
        return guard;
    }
}
