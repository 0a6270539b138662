package ai.automagik.tracing.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The OpenTelemetry GenAI metrics, kept in the process for scraping, with the conventions' bucket boundaries:
 * {@code gen_ai.client.token.usage} (tokens per model call, by type), {@code gen_ai.client.operation.duration} and
 * {@code gen_ai.client.operation.time_to_first_chunk} (model calls, seconds), {@code gen_ai.invoke_agent.duration}
 * (agent runs) and {@code gen_ai.execute_tool.duration} (tool executions). At most {@value #MAX_SERIES} label
 * combinations per metric: further models or names are counted under {@value #OTHER}, so a caller cannot grow
 * them without bound.
 */
public final class GenAiMetrics {

    static final int MAX_SERIES = 64;
    static final String OTHER = "other";
    private static final int MAX_LABEL = 128;

    /** The conventions' boundaries for {@code gen_ai.client.token.usage}. */
    static final double[] TOKEN_BOUNDS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
            16777216, 67108864};
    /** The conventions' boundaries for model calls and tool executions, seconds. */
    static final double[] DURATION_BOUNDS = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
            40.96, 81.92};
    /** The conventions' boundaries for {@code gen_ai.invoke_agent.duration}, seconds. */
    static final double[] AGENT_DURATION_BOUNDS = {0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8,
            409.6};

    /**
     * One label combination: operation ({@code chat}, {@code invoke_agent}, {@code execute_tool}), provider
     * (empty when not known), the model, agent or tool name, for token usage the token type ({@code input},
     * {@code output}; empty otherwise), and for durations the error type of a failed call (empty otherwise).
     */
    public record Series(String operation, String provider, String name, String tokenType, String errorType) {
    }

    private final ConcurrentMap<Series, Histogram> tokenUsage = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Histogram> durations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Histogram> timeToFirstChunk = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Histogram> agentDurations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Histogram> toolDurations = new ConcurrentHashMap<>();
    private final ConcurrentMap<CostSeries, CostTotal> costs = new ConcurrentHashMap<>();

    /** Cost is summed by the model that answered and the agent run the call was made in (empty: none). */
    public record CostSeries(String model, String agent) {
    }

    /** Model calls priced so far and their cost in US dollars. */
    public static final class CostTotal {
        private final LongAdder calls = new LongAdder();
        private final DoubleAdder usd = new DoubleAdder();

        public long calls() {
            return calls.sum();
        }

        public double usd() {
            return usd.sum();
        }
    }

    /** A priced model call. */
    public void cost(String model, String agent, double usd) {
        if (!Double.isFinite(usd) || usd < 0) {
            return;
        }
        CostSeries series = new CostSeries(label(model), label(agent));
        CostTotal total = costs.get(series);
        if (total == null) {
            total = costs.computeIfAbsent(costs.size() < MAX_SERIES ? series : new CostSeries(OTHER, OTHER),
                    s -> new CostTotal());
        }
        total.calls.increment();
        total.usd.add(usd);
    }

    public Map<CostSeries, CostTotal> costs() {
        return Collections.unmodifiableMap(costs);
    }

    /**
     * A client operation ({@code chat}, {@code embeddings}, {@code retrieval}) of a model or data source: its
     * duration, when known (non-negative) its input and output tokens (output -1: not counted, as for embeddings)
     * and, for a streamed answer, the seconds to its first chunk; {@code errorType} null unless it failed.
     */
    public void client(String operation, String provider, String name, double seconds, long inputTokens,
            long outputTokens, double firstChunkSeconds, String errorType) {
        histogram(durations, new Series(operation, label(provider), label(name), "", label(errorType)),
                DURATION_BOUNDS).record(seconds);
        if (firstChunkSeconds >= 0) {
            histogram(timeToFirstChunk, new Series(operation, label(provider), label(name), "", ""), DURATION_BOUNDS)
                    .record(firstChunkSeconds);
        }
        if (inputTokens >= 0) {
            histogram(tokenUsage, new Series(operation, label(provider), label(name), "input", ""), TOKEN_BOUNDS)
                    .record(inputTokens);
            if (outputTokens >= 0) {
                histogram(tokenUsage, new Series(operation, label(provider), label(name), "output", ""), TOKEN_BOUNDS)
                        .record(outputTokens);
            }
        }
    }

    /** A model call ({@code chat}), see {@link #client}. */
    public void chat(String provider, String model, double seconds, long inputTokens, long outputTokens,
            double firstChunkSeconds, String errorType) {
        client("chat", provider, model, seconds, inputTokens, Math.max(0, outputTokens), firstChunkSeconds, errorType);
    }

    /** An agent run ({@code invoke_agent}); {@code errorType} null unless it failed. */
    public void agent(String name, double seconds, String errorType) {
        histogram(agentDurations, new Series("invoke_agent", "", label(name), "", label(errorType)),
                AGENT_DURATION_BOUNDS).record(seconds);
    }

    /** A tool execution ({@code execute_tool}); {@code errorType} null unless it failed. */
    public void tool(String name, double seconds, String errorType) {
        histogram(toolDurations, new Series("execute_tool", "", label(name), "", label(errorType)), DURATION_BOUNDS)
                .record(seconds);
    }

    public Map<Series, Histogram> tokenUsage() {
        return Collections.unmodifiableMap(tokenUsage);
    }

    /** {@code gen_ai.client.operation.duration}: model calls. */
    public Map<Series, Histogram> operationDurations() {
        return Collections.unmodifiableMap(durations);
    }

    public Map<Series, Histogram> timeToFirstChunk() {
        return Collections.unmodifiableMap(timeToFirstChunk);
    }

    public Map<Series, Histogram> agentDurations() {
        return Collections.unmodifiableMap(agentDurations);
    }

    public Map<Series, Histogram> toolDurations() {
        return Collections.unmodifiableMap(toolDurations);
    }

    private static Histogram histogram(ConcurrentMap<Series, Histogram> metric, Series series, double[] bounds) {
        Histogram existing = metric.get(series);
        if (existing != null) {
            return existing;
        }
        Series kept = metric.size() < MAX_SERIES ? series
                : new Series(series.operation(), OTHER, OTHER, series.tokenType(), "");
        return metric.computeIfAbsent(kept, s -> new Histogram(bounds));
    }

    private static String label(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL) : value;
    }
}
