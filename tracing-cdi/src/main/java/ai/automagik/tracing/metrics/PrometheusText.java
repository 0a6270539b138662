package ai.automagik.tracing.metrics;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;

import java.util.Map;

/**
 * The pipeline's counters and the GenAI client metrics in the Prometheus text exposition format
 * (version 0.0.4), for any scraper on any server: per destination {@code automagik_tracing_events_total}
 * by outcome (queued, processed, dropped, failed), drops and failures by reason, queue size, in-flight
 * events, batches and circuit state; {@code gen_ai_client_token_usage} and
 * {@code gen_ai_client_operation_duration_seconds} histograms.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(MetricsSnapshot snapshot, GenAiMetrics genAi) {
        StringBuilder out = new StringBuilder(4096);
        family(out, "automagik_tracing_events_total", "counter",
                "Events handed to each destination, by outcome; queued = processed + dropped + failed + queued now + in flight");
        for (ProviderMetrics destination : snapshot.providers()) {
            PipelineMetrics p = destination.pipeline();
            String d = destination.name();
            sample(out, "automagik_tracing_events_total", labels("destination", d, "outcome", "queued"), p.queued());
            sample(out, "automagik_tracing_events_total", labels("destination", d, "outcome", "processed"), p.processed());
            sample(out, "automagik_tracing_events_total", labels("destination", d, "outcome", "dropped"), p.dropped());
            sample(out, "automagik_tracing_events_total", labels("destination", d, "outcome", "failed"), p.failed());
        }
        reasons(out, snapshot, "automagik_tracing_dropped_events_total", "Dropped events by reason", true);
        reasons(out, snapshot, "automagik_tracing_failed_events_total", "Failed events by reason", false);
        family(out, "automagik_tracing_queue_size", "gauge", "Events waiting in each destination's queue");
        snapshot.providers().forEach(d -> sample(out, "automagik_tracing_queue_size", labels("destination", d.name()),
                d.pipeline().queueSize()));
        family(out, "automagik_tracing_in_flight", "gauge", "Events being sent to each destination");
        snapshot.providers().forEach(d -> sample(out, "automagik_tracing_in_flight", labels("destination", d.name()),
                d.pipeline().inFlight()));
        family(out, "automagik_tracing_batches_total", "counter", "Export requests sent to each destination");
        snapshot.providers().forEach(d -> sample(out, "automagik_tracing_batches_total", labels("destination", d.name()),
                d.pipeline().batches()));
        family(out, "automagik_tracing_circuit_open", "gauge", "1 while a destination's circuit breaker is not closed");
        snapshot.providers().forEach(d -> sample(out, "automagik_tracing_circuit_open", labels("destination", d.name()),
                "CLOSED".equalsIgnoreCase(d.circuitState()) ? 0 : 1));
        family(out, "automagik_tracing_telemetry_enabled", "gauge", "1 while anonymous telemetry is on");
        sample(out, "automagik_tracing_telemetry_enabled", "", snapshot.telemetryEnabled() ? 1 : 0);

        family(out, "gen_ai_client_token_usage", "histogram", "Tokens used per model call, by token type");
        genAi.tokenUsage().forEach((series, histogram) -> histogram(out, "gen_ai_client_token_usage",
                seriesLabels(series), histogram));
        histograms(out, "gen_ai_client_operation_duration_seconds",
                "Duration of model calls, embeddings and retrievals",
                genAi.operationDurations());
        histograms(out, "gen_ai_client_operation_time_to_first_chunk_seconds",
                "Time from a streamed model call's start to its first chunk", genAi.timeToFirstChunk());
        histograms(out, "gen_ai_invoke_agent_duration_seconds", "Duration of agent runs", genAi.agentDurations());
        histograms(out, "gen_ai_execute_tool_duration_seconds", "Duration of tool executions", genAi.toolDurations());
        family(out, "automagik_gen_ai_cost_usd_total", "counter",
                "What model calls cost in US dollars, by model and agent (the price table's or the application's)");
        genAi.costs().forEach((series, total) -> sample(out, "automagik_gen_ai_cost_usd_total",
                labels("gen_ai_response_model", series.model(), "gen_ai_agent_name", series.agent()), total.usd()));
        family(out, "automagik_gen_ai_priced_calls_total", "counter", "Model calls with a cost, by model and agent");
        genAi.costs().forEach((series, total) -> sample(out, "automagik_gen_ai_priced_calls_total",
                labels("gen_ai_response_model", series.model(), "gen_ai_agent_name", series.agent()), total.calls()));
        return out.toString();
    }

    private static void reasons(StringBuilder out, MetricsSnapshot snapshot, String name, String help, boolean dropped) {
        family(out, name, "counter", help);
        for (ProviderMetrics destination : snapshot.providers()) {
            Map<String, Long> byReason = dropped ? destination.pipeline().droppedByReason()
                    : destination.pipeline().failedByReason();
            byReason.forEach((reason, count) -> sample(out, name, labels("destination", destination.name(),
                    "reason", reason), count));
        }
    }

    private static void histograms(StringBuilder out, String name, String help,
            Map<GenAiMetrics.Series, Histogram> metric) {
        family(out, name, "histogram", help);
        metric.forEach((series, histogram) -> histogram(out, name, seriesLabels(series), histogram));
    }

    private static String seriesLabels(GenAiMetrics.Series series) {
        String nameLabel = switch (series.operation()) {
            case "invoke_agent" -> "gen_ai_agent_name";
            case "execute_tool" -> "gen_ai_tool_name";
            case "retrieval" -> "gen_ai_data_source_id";
            default -> "gen_ai_request_model";
        };
        StringBuilder labels = new StringBuilder();
        pair(labels, "gen_ai_operation_name", series.operation());
        if (!series.provider().isEmpty()) {
            pair(labels, "gen_ai_provider_name", series.provider());
        }
        if (!series.name().isEmpty()) {
            pair(labels, nameLabel, series.name());
        }
        if (!series.tokenType().isEmpty()) {
            pair(labels, "gen_ai_token_type", series.tokenType());
        }
        if (!series.errorType().isEmpty()) {
            pair(labels, "error_type", series.errorType());
        }
        return labels.toString();
    }

    private static void histogram(StringBuilder out, String name, String labels, Histogram histogram) {
        double[] bounds = histogram.bounds();
        long[] cumulative = histogram.cumulativeCounts();
        String prefix = labels.isEmpty() ? "" : labels + ",";
        for (int i = 0; i < bounds.length; i++) {
            sample(out, name + "_bucket", prefix + "le=\"" + number(bounds[i]) + "\"", cumulative[i]);
        }
        sample(out, name + "_bucket", prefix + "le=\"+Inf\"", cumulative[bounds.length]);
        out.append(name).append("_sum").append(braces(labels)).append(' ').append(number(histogram.sum())).append('\n');
        sample(out, name + "_count", labels, histogram.count());
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append(braces(labels)).append(' ').append(value).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(braces(labels)).append(' ').append(number(value)).append('\n');
    }

    private static String braces(String labels) {
        return labels.isEmpty() ? "" : "{" + labels + "}";
    }

    private static String labels(String... keysAndValues) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pair(labels, keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels.toString();
    }

    private static void pair(StringBuilder labels, String key, String value) {
        labels.append(labels.length() == 0 ? "" : ",").append(key).append("=\"").append(escape(value)).append('"');
    }

    /** Label values escape backslash, double quote and line feed; other control characters become spaces. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
