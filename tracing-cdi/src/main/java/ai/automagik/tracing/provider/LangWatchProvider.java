package ai.automagik.tracing.provider;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.Settings;
import ai.automagik.tracing.spi.SpanConvention;

import java.net.URI;
import java.util.Map;

/**
 * LangWatch: OTLP/HTTP to {@code {LANGWATCH_ENDPOINT}/api/otel/v1/traces} with the API key as Bearer token,
 * and LangWatch's own keys on every span ({@link LangWatchConvention}).
 */
public final class LangWatchProvider implements ObservabilityProvider {

    public static final String NAME = "langwatch";

    private final TracingConfig config;
    private final SendGuard guard;

    public LangWatchProvider(TracingConfig config, SendGuard guard) {
        this.config = config;
        this.guard = guard;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled(Settings settings) {
        return config.langwatchApiKey() != null;
    }

    @Override
    public URI endpoint(Settings settings) {
        String base = config.langwatchEndpoint().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/otel/v1/traces");
    }

    @Override
    public Map<String, String> headers(Settings settings) {
        return Map.of("Authorization", "Bearer " + config.langwatchApiKey());
    }

    @Override
    public SpanConvention convention() {
        return LangWatchConvention.INSTANCE;
    }

    @Override
    public SendGuard guard() {
        return guard;
    }
}
