package ai.automagik.tracing.config;

import ai.automagik.tracing.cost.PriceTable;
import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.otlp.OtlpProtocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated, immutable configuration. Built once at start-up; any invalid value fails with an
 * {@link InvalidConfigurationException} that names the key, the value and the allowed range.
 * {@link #toString()} and {@link #entries()} never show a secret in full.
 */
public final class TracingConfig {

    /** Shown with user info and query values masked: either may carry a credential. */
    private static final Set<ConfigKey> URL_KEYS = EnumSet.of(ConfigKey.TELEMETRY_ENDPOINT,
            ConfigKey.LANGWATCH_ENDPOINT, ConfigKey.OTLP_ENDPOINT);

    private final Map<ConfigKey, String> raw;
    private final Map<ConfigKey, String> sources;

    private final boolean disableAllTracing;
    private final boolean telemetryEnabled;
    private final Path home;
    private final Path stateDir;
    private final boolean telemetryDebug;
    private final URI telemetryEndpoint;
    private final boolean observabilityEnabled;
    private final String langwatchApiKey;
    private final URI langwatchEndpoint;
    private final URI otlpEndpoint;
    private final Map<String, String> otlpHeaders;
    private final OtlpProtocol otlpProtocol;
    private final boolean captureContent;
    private final boolean enableTracingInCi;
    private final int queueSize;
    private final int batchSize;
    private final long batchTimeoutMs;
    private final int workers;
    private final long shutdownTimeoutMs;
    private final long exportTimeoutMs;
    private final int exportMaxAttempts;
    private final long exportMaxRetryDelayMs;
    private final double samplingRate;
    private final double errorSamplingRate;
    private final long slowThresholdMs;
    private final int samplingMaxPerSecond;
    private final int tailSamplingMaxPerSecond;
    private final boolean collectorSampling;
    private final boolean exportCompressed;
    private final boolean otelBridge;
    private final String serviceName;
    private final String serviceVersion;
    private final ConfigLookup lookup;
    private final PriceTable priceTable;

    private TracingConfig(ConfigLookup lookup) {
        this.lookup = lookup;
        Map<ConfigKey, String> values = new LinkedHashMap<>();
        Map<ConfigKey, String> origin = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> value = lookup.value(key.property()).map(String::strip);
            values.put(key, value.orElse(key.defaultValue()));
            origin.put(key, value.isPresent() ? lookup.source(key.property()) : "default");
        }
        this.raw = Collections.unmodifiableMap(values);
        this.sources = Collections.unmodifiableMap(origin);

        disableAllTracing = bool(ConfigKey.DISABLE_ALL_TRACING);
        telemetryEnabled = bool(ConfigKey.TELEMETRY_ENABLED);
        home = path(ConfigKey.HOME).orElseGet(() -> defaultHome(lookup));
        stateDir = path(ConfigKey.STATE_DIR).orElse(home.resolve(".automagik"));
        telemetryDebug = bool(ConfigKey.TELEMETRY_DEBUG);
        telemetryEndpoint = url(ConfigKey.TELEMETRY_ENDPOINT);
        observabilityEnabled = bool(ConfigKey.OBSERVABILITY_ENABLED);
        langwatchApiKey = blankToNull(raw.get(ConfigKey.LANGWATCH_API_KEY));
        langwatchEndpoint = url(ConfigKey.LANGWATCH_ENDPOINT);
        otlpEndpoint = blankToNull(raw.get(ConfigKey.OTLP_ENDPOINT)) == null ? null : url(ConfigKey.OTLP_ENDPOINT);
        otlpHeaders = headers(ConfigKey.OTLP_HEADERS);
        otlpProtocol = OtlpProtocol.fromSetting(raw.get(ConfigKey.OTLP_PROTOCOL)).orElseThrow(() ->
                new InvalidConfigurationException(ConfigKey.OTLP_PROTOCOL, shown(ConfigKey.OTLP_PROTOCOL),
                        "http/json or http/protobuf"));
        // either switch off wins: an operator who set the conventions' variable for every service gets no content
        captureContent = bool(ConfigKey.CAPTURE_CONTENT)
                && (raw.get(ConfigKey.GENAI_CAPTURE_MESSAGE_CONTENT) == null || bool(ConfigKey.GENAI_CAPTURE_MESSAGE_CONTENT));
        enableTracingInCi = bool(ConfigKey.ENABLE_TRACING_IN_CI);
        queueSize = (int) integer(ConfigKey.QUEUE_SIZE, 1, 10_000_000);
        batchSize = (int) integer(ConfigKey.BATCH_SIZE, 1, 10_000);
        batchTimeoutMs = integer(ConfigKey.BATCH_TIMEOUT_MS, 1, 3_600_000);
        workers = (int) integer(ConfigKey.WORKERS, 1, 64);
        shutdownTimeoutMs = integer(ConfigKey.SHUTDOWN_TIMEOUT_MS, 0, 600_000);
        exportTimeoutMs = integer(ConfigKey.EXPORT_TIMEOUT_MS, 1, 600_000);
        exportMaxAttempts = (int) integer(ConfigKey.EXPORT_MAX_ATTEMPTS, 1, 10);
        exportMaxRetryDelayMs = integer(ConfigKey.EXPORT_MAX_RETRY_DELAY_MS, 0, 600_000);
        samplingRate = rate(ConfigKey.SAMPLING_RATE);
        errorSamplingRate = rate(ConfigKey.ERROR_SAMPLING_RATE);
        slowThresholdMs = integer(ConfigKey.SLOW_THRESHOLD_MS, 0, 86_400_000);
        samplingMaxPerSecond = (int) integer(ConfigKey.SAMPLING_MAX_PER_SECOND, 0, 1_000_000_000);
        tailSamplingMaxPerSecond = (int) integer(ConfigKey.TAIL_SAMPLING_MAX_PER_SECOND, 0, 1_000_000_000);
        collectorSampling = samplingMode();
        exportCompressed = oneOf(ConfigKey.EXPORT_COMPRESSION, "gzip", "none");
        otelBridge = otelBridge(lookup);
        serviceName = text(ConfigKey.SERVICE_NAME, 128);
        serviceVersion = text(ConfigKey.SERVICE_VERSION, 64);
        priceTable = prices();
    }

    /** Reads and validates every key from {@code lookup}. */
    public static TracingConfig from(ConfigLookup lookup) {
        return new TracingConfig(lookup);
    }

    /** Reads from the given properties (keys in property or environment form), nothing else. */
    public static TracingConfig fromMap(Map<String, String> values) {
        Map<String, String> normalized = new LinkedHashMap<>();
        values.forEach((k, v) -> normalized.put(toProperty(k), v));
        values.forEach(normalized::putIfAbsent);
        return new TracingConfig(ConfigLookup.of(normalized));
    }

    public static TracingConfig defaults() {
        return fromMap(Map.of());
    }

    private static String toProperty(String name) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.environmentVariable().equals(name)) {
                return key.property();
            }
        }
        return name;
    }

    /** The lookup this config was read from; the opt-out rules also read {@code DO_NOT_TRACK} and CI variables there. */
    public ConfigLookup lookup() {
        return lookup;
    }

    public boolean disableAllTracing() {
        return disableAllTracing;
    }

    /** The configured setting only; whether telemetry is really on also depends on the opt-out rules. */
    public boolean telemetryEnabled() {
        return telemetryEnabled;
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return stateDir;
    }

    public boolean telemetryDebug() {
        return telemetryDebug;
    }

    public URI telemetryEndpoint() {
        return telemetryEndpoint;
    }

    public boolean observabilityEnabled() {
        return observabilityEnabled;
    }

    /** The LangWatch key, {@code null} when unset. Never log it: use {@link Secrets#mask(String)}. */
    public String langwatchApiKey() {
        return langwatchApiKey;
    }

    public URI langwatchEndpoint() {
        return langwatchEndpoint;
    }

    public Optional<URI> otlpEndpoint() {
        return Optional.ofNullable(otlpEndpoint);
    }

    /** The OTLP provider's encoding ({@code AUTOMAGIK_OTLP_PROTOCOL}). */
    public OtlpProtocol otlpProtocol() {
        return otlpProtocol;
    }

    public Map<String, String> otlpHeaders() {
        return otlpHeaders;
    }

    /**
     * Whether prompts, completions, tool arguments and results go to observability providers: on unless
     * {@code AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT=false} or the GenAI conventions'
     * {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=false}. On by default (the SPEC's default, where
     * the conventions make content opt-in) because observability itself is opted into: nothing is sent
     * anywhere until the operator names a destination of their own, and keys, tokens and credentials are
     * masked by value in whatever content is captured.
     */
    public boolean captureContent() {
        return captureContent;
    }

    public boolean enableTracingInCi() {
        return enableTracingInCi;
    }

    public int queueSize() {
        return queueSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public long batchTimeoutMs() {
        return batchTimeoutMs;
    }

    public int workers() {
        return workers;
    }

    public long shutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    public long exportTimeoutMs() {
        return exportTimeoutMs;
    }

    public int exportMaxAttempts() {
        return exportMaxAttempts;
    }

    public long exportMaxRetryDelayMs() {
        return exportMaxRetryDelayMs;
    }

    public double samplingRate() {
        return samplingRate;
    }

    public double errorSamplingRate() {
        return errorSamplingRate;
    }

    public long slowThresholdMs() {
        return slowThresholdMs;
    }

    public int samplingMaxPerSecond() {
        return samplingMaxPerSecond;
    }

    /**
     * {@code AUTOMAGIK_SAMPLING_MODE=collector}: every observability trace is exported with the local sampling verdict
     * as attributes, for the OpenTelemetry Collector's {@code tail_sampling} behind a {@code loadbalancing} exporter.
     */
    public boolean collectorSampling() {
        return collectorSampling;
    }

    /** Whether request bodies above 1 KiB are sent gzip-compressed ({@code AUTOMAGIK_EXPORT_COMPRESSION}). */
    public boolean exportCompressed() {
        return exportCompressed;
    }

    /** Traces kept for an error, and separately for slowness, per trace type per second. */
    public int tailSamplingMaxPerSecond() {
        return tailSamplingMaxPerSecond;
    }

    /**
     * Whether spans join OpenTelemetry's context when its API is present: {@code auto} (the default) when
     * MicroProfile Telemetry's SDK is switched on ({@code otel.sdk.disabled=false}, {@code OTEL_SDK_DISABLED=false}),
     * since a server may run OpenTelemetry spans of its own that are exported nowhere (Payara's request tracing).
     */
    public boolean otelBridge() {
        return otelBridge;
    }

    public String serviceName() {
        return serviceName;
    }

    public String serviceVersion() {
        return serviceVersion;
    }

    /** Model prices: the defaults, the price file's and the setting's. */
    public PriceTable priceTable() {
        return priceTable;
    }

    private PriceTable prices() {
        Path file = path(ConfigKey.PRICES_FILE).orElse(null);
        try {
            PriceTable.load(file, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(ConfigKey.PRICES_FILE, shown(ConfigKey.PRICES_FILE),
                    "a readable price table: " + e.getMessage());
        }
        try {
            return PriceTable.load(file, blankToNull(raw.get(ConfigKey.PRICES)));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(ConfigKey.PRICES, shown(ConfigKey.PRICES),
                    "model=input/output[/cached_input[/cache_write]] entries separated by ';': " + e.getMessage());
        }
    }

    /** Every key with its effective value (secrets masked) and where it came from. */
    public List<ConfigurationEntry> entries() {
        List<ConfigurationEntry> entries = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            String value = switch (key) {
                case HOME -> home.toString();
                case STATE_DIR -> stateDir.toString();
                default -> raw.get(key);
            };
            if (key == ConfigKey.OTLP_HEADERS && value != null) {
                value = maskHeaders(otlpHeaders);
            } else {
                value = shown(key, value);
            }
            entries.add(new ConfigurationEntry(key.property(), key.environmentVariable(), value, sources.get(key),
                    key.secret(), key.description()));
        }
        return entries;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TracingConfig[");
        List<ConfigurationEntry> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            ConfigurationEntry e = entries.get(i);
            sb.append(i == 0 ? "" : ", ").append(e.property()).append('=').append(e.value());
        }
        return sb.append(']').toString();
    }

    private static String maskHeaders(Map<String, String> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach((name, value) -> sb.append(sb.length() == 0 ? "" : ",").append(name).append('=')
                .append(Secrets.mask(value)));
        return sb.toString();
    }

    private String shown(ConfigKey key) {
        return shown(key, raw.get(key));
    }

    private static String shown(ConfigKey key, String value) {
        if (key.secret()) {
            return Secrets.mask(value);
        }
        return URL_KEYS.contains(key) ? Secrets.maskUrl(value) : value;
    }

    private boolean samplingMode() {
        return !oneOf(ConfigKey.SAMPLING_MODE, "local", "collector");
    }

    /** For a key of two values: true for {@code first}, false for {@code second}, anything else is invalid. */
    private boolean oneOf(ConfigKey key, String first, String second) {
        String value = raw.get(key) == null ? "" : raw.get(key).strip();
        if (first.equalsIgnoreCase(value)) {
            return true;
        }
        if (second.equalsIgnoreCase(value)) {
            return false;
        }
        throw new InvalidConfigurationException(key, shown(key), first + " or " + second);
    }

    private boolean bool(ConfigKey key) {
        String value = raw.get(key);
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new InvalidConfigurationException(key, shown(key), "true or false (case-insensitive)");
    }

    private long integer(ConfigKey key, long min, long max) {
        String value = raw.get(key);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidConfigurationException(key, shown(key), "a whole number from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw new InvalidConfigurationException(key, shown(key), "a whole number from " + min + " to " + max);
        }
        return parsed;
    }

    private double rate(ConfigKey key) {
        String value = raw.get(key);
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidConfigurationException(key, shown(key), "a number from 0.0 to 1.0");
        }
        if (!(parsed >= 0.0 && parsed <= 1.0)) {
            throw new InvalidConfigurationException(key, shown(key), "a number from 0.0 to 1.0");
        }
        return parsed;
    }

    private URI url(ConfigKey key) {
        String value = raw.get(key);
        String allowed = "an absolute http:// or https:// URL with a host";
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(key, String.valueOf(value), allowed);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidConfigurationException(key, shown(key), allowed);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(key, shown(key), allowed);
        }
    }

    private Optional<Path> path(ConfigKey key) {
        String value = blankToNull(raw.get(key));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Paths.get(value).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(key, shown(key), "a file system path");
        }
    }

    private String text(ConfigKey key, int maxLength) {
        String value = raw.get(key);
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new InvalidConfigurationException(key, shown(key), "a non-empty text of at most " + maxLength + " characters");
        }
        return value;
    }

    private boolean otelBridge(ConfigLookup lookup) {
        String value = raw.get(ConfigKey.OTEL_BRIDGE);
        if ("auto".equalsIgnoreCase(value)) {
            return lookup.value("otel.sdk.disabled").map(v -> v.strip().equalsIgnoreCase("false")).orElse(false);
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidConfigurationException(ConfigKey.OTEL_BRIDGE, value, "auto, true or false (case-insensitive)");
    }

    private Map<String, String> headers(ConfigKey key) {
        String value = blankToNull(raw.get(key));
        if (value == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq <= 0 ? "" : pair.substring(0, eq).strip();
            String headerValue = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (name.isEmpty() || !name.chars().allMatch(TracingConfig::isTokenCharacter)
                    || !headerValue.chars().allMatch(TracingConfig::isFieldValueCharacter)) {
                throw new InvalidConfigurationException(key, maskHeaders(Map.of("…", value)),
                        "comma-separated name=value pairs; names of letters, digits and !#$%&'*+-.^_`|~,"
                                + " values without control characters (no CR or LF)");
            }
            headers.put(name, headerValue);
        }
        return Collections.unmodifiableMap(headers);
    }

    /** RFC 9110 {@code tchar}: what a header name may be made of. */
    private static boolean isTokenCharacter(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** RFC 9110 field content: visible characters, space and tab; never CR, LF or another control character. */
    private static boolean isFieldValueCharacter(int c) {
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    }

    private static Path defaultHome(ConfigLookup lookup) {
        return lookup.value("HOME").filter(h -> !h.isBlank()).map(Paths::get)
                .orElseGet(() -> Paths.get(System.getProperty("user.home")))
                .toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
