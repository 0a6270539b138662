package ai.automagik.tracing.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The OpenTelemetry GenAI client metrics, kept in the process for scraping: {@code gen_ai.client.token.usage}
 * (tokens per call, by type) and {@code gen_ai.client.operation.duration} (seconds), with the conventions'
 * bucket boundaries. At most {@value #MAX_SERIES} label combinations per metric: further models or names
 * are counted under {@value #OTHER}, so a caller cannot grow them without bound.
 */
public final class GenAiMetrics {

    static final int MAX_SERIES = 64;
    static final String OTHER = "other";
    private static final int MAX_LABEL = 128;

    /** The conventions' boundaries for {@code gen_ai.client.token.usage}. */
    static final double[] TOKEN_BOUNDS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
            16777216, 67108864};
    /** The conventions' boundaries for {@code gen_ai.client.operation.duration}, seconds. */
    static final double[] DURATION_BOUNDS = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
            40.96, 81.92};

    /**
     * One label combination: operation ({@code chat}, {@code invoke_agent}, {@code execute_tool}), provider
     * (empty when not known), the model, agent or tool name, and for token usage the token type
     * ({@code input}, {@code output}; empty for durations).
     */
    public record Series(String operation, String provider, String name, String tokenType) {
    }

    private final ConcurrentMap<Series, Histogram> tokenUsage = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Histogram> durations = new ConcurrentHashMap<>();

    /** A model call: its duration and, when known (non-negative), its input and output tokens. */
    public void chat(String provider, String model, double seconds, long inputTokens, long outputTokens) {
        durations(new Series("chat", label(provider), label(model), "")).record(seconds);
        if (inputTokens >= 0) {
            histogram(tokenUsage, new Series("chat", label(provider), label(model), "input"), TOKEN_BOUNDS)
                    .record(inputTokens);
            histogram(tokenUsage, new Series("chat", label(provider), label(model), "output"), TOKEN_BOUNDS)
                    .record(Math.max(0, outputTokens));
        }
    }

    /** An agent run ({@code invoke_agent}) or tool execution ({@code execute_tool}) by name. */
    public void operation(String operation, String name, double seconds) {
        durations(new Series(operation, "", label(name), "")).record(seconds);
    }

    public Map<Series, Histogram> tokenUsage() {
        return Collections.unmodifiableMap(tokenUsage);
    }

    public Map<Series, Histogram> operationDurations() {
        return Collections.unmodifiableMap(durations);
    }

    private Histogram durations(Series series) {
        return histogram(durations, series, DURATION_BOUNDS);
    }

    private static Histogram histogram(ConcurrentMap<Series, Histogram> metric, Series series, double[] bounds) {
        Histogram existing = metric.get(series);
        if (existing != null) {
            return existing;
        }
        Series kept = metric.size() < MAX_SERIES ? series
                : new Series(series.operation(), OTHER, OTHER, series.tokenType());
        return metric.computeIfAbsent(kept, s -> new Histogram(bounds));
    }

    private static String label(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL) : value;
    }
}
