package ai.automagik.tracing.config;

import java.util.Locale;

/**
 * Every configuration key of the product. Property names are dotted lower case; MicroProfile Config
 * maps each to its environment form ({@code automagik.trace.queue.size} ↔ {@code AUTOMAGIK_TRACE_QUEUE_SIZE}),
 * so the original system's environment variables work unchanged.
 */
public enum ConfigKey {
    DISABLE_ALL_TRACING("automagik.disable.all.tracing", "false", "kill switch for both layers"),
    TELEMETRY_ENABLED("automagik.telemetry.enabled", "true", "telemetry layer on/off (opt-out model)"),
    HOME("automagik.home", null, "where ~/.automagik* files live (default $HOME)"),
    STATE_DIR("automagik.state.dir", null, "anonymous id and notice marker (default <home>/.automagik)"),
    TELEMETRY_DEBUG("automagik.telemetry.debug", "false", "log each payload exactly as it would be sent, send nothing"),
    TELEMETRY_ENDPOINT("automagik.telemetry.endpoint", "https://telemetry.namastex.ai/v1/traces",
            "telemetry OTLP/HTTP URL, posted to as given"),
    OBSERVABILITY_ENABLED("automagik.observability.enabled", "true",
            "observability layer on/off (active only with a provider)"),
    LANGWATCH_API_KEY("langwatch.api.key", null, "presence enables the LangWatch provider", true),
    LANGWATCH_ENDPOINT("langwatch.endpoint", "https://app.langwatch.ai", "LangWatch base URL"),
    OTLP_ENDPOINT("automagik.otlp.endpoint", null, "presence enables the generic OTLP provider (full traces URL)"),
    OTLP_PROTOCOL("automagik.otlp.protocol", "http/json",
            "the OTLP provider's encoding: http/json or http/protobuf (as OTEL_EXPORTER_OTLP_PROTOCOL)"),
    OTLP_HEADERS("automagik.otlp.headers", null, "headers for the OTLP provider: name=value,name=value", true),
    CAPTURE_CONTENT("automagik.observability.capture.content", "true",
            "send prompts, completions and tool arguments to observability providers"),
    GENAI_CAPTURE_MESSAGE_CONTENT("otel.instrumentation.genai.capture.message.content", null,
            "the GenAI conventions' content switch: false turns content capture off, whatever the setting above says"),
    ENABLE_TRACING_IN_CI("automagik.enable.tracing.in.ci", "false", "tracing stays off in CI unless this is true"),
    QUEUE_SIZE("automagik.trace.queue.size", "10000", "bounded queue capacity (events)"),
    BATCH_SIZE("automagik.trace.batch.size", "50", "max events per export batch"),
    BATCH_TIMEOUT_MS("automagik.trace.batch.timeout.ms", "5000", "max time an event waits before its batch is sent"),
    WORKERS("automagik.trace.workers", "2", "background export workers"),
    SHUTDOWN_TIMEOUT_MS("automagik.trace.shutdown.timeout.ms", "5000", "how long shutdown may take to drain the queues"),
    EXPORT_TIMEOUT_MS("automagik.export.timeout.ms", "10000", "HTTP request timeout of one export attempt"),
    EXPORT_MAX_ATTEMPTS("automagik.export.max.attempts", "3",
            "attempts per batch for 429/502/503/504 and connection failures"),
    EXPORT_MAX_RETRY_DELAY_MS("automagik.export.max.retry.delay.ms", "30000", "cap on a Retry-After or backoff wait"),
    EXPORT_COMPRESSION("automagik.export.compression", "gzip",
            "gzip: request bodies above 1 KiB are compressed; none: sent as they are (as OTEL_EXPORTER_OTLP_COMPRESSION)"),
    SAMPLING_RATE("automagik.sampling.rate", "0.1", "base rate for normal observability traces"),
    ERROR_SAMPLING_RATE("automagik.error.sampling.rate", "1.0", "rate for traces that contain an error"),
    SLOW_THRESHOLD_MS("automagik.slow.threshold.ms", "1000", "traces slower than this are always kept"),
    SAMPLING_MAX_PER_SECOND("automagik.sampling.max.per.second", "10",
            "at most this many normal traces kept per trace type per second"),
    SAMPLING_MODE("automagik.sampling.mode", "local",
            "local: this process decides which traces to export; collector: export every trace with the local verdict "
                    + "as attributes, for the OpenTelemetry Collector's tail sampling"),
    TAIL_SAMPLING_MAX_PER_SECOND("automagik.tail.sampling.max.per.second", "10",
            "at most this many traces kept for an error, and as many for slowness, per trace type per second"),
    OTEL_BRIDGE("automagik.otel.bridge", "auto",
            "join OpenTelemetry's context: auto (when MicroProfile Telemetry's SDK is on, otel.sdk.disabled=false), true, false"),
    JAXRS_SKIP_PATHS("automagik.jaxrs.skip.paths", "/health,/metrics,/openapi,/api/tracing,/VAADIN,/static,/favicon.ico",
            "paths the JAX-RS request filter (tracing-jaxrs) does not track, comma-separated prefixes"),
    PRICES_FILE("automagik.prices.file", null,
            "a price table (model,input,output[,cached_input[,cache_write]] in USD per million tokens) over the defaults"),
    PRICES("automagik.prices", null,
            "model prices over the defaults and the file: model=input/output[/cached_input[/cache_write]];…"),
    SERVICE_NAME("automagik.service.name", "automagik-agents", "service.name resource attribute"),
    SERVICE_VERSION("automagik.service.version", "1.0.0", "service.version resource attribute");

    private final String property;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    ConfigKey(String property, String defaultValue, String description) {
        this(property, defaultValue, description, false);
    }

    ConfigKey(String property, String defaultValue, String description, boolean secret) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    /** The MicroProfile Config property name. */
    public String property() {
        return property;
    }

    /** The environment variable name, per MicroProfile Config's mapping rules. */
    public String environmentVariable() {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The default as text, {@code null} when the key has no default. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Secret values are shown masked wherever configuration is shown. */
    public boolean secret() {
        return secret;
    }
}
