package ai.automagik.tracing.metrics;

import ai.automagik.tracing.trace.ReadableSpan;
import ai.automagik.tracing.trace.SpanProcessor;
import ai.automagik.tracing.trace.SpanRole;

/**
 * Records the GenAI conventions' client metrics as model calls, agent runs and tool executions end: token
 * usage and operation duration, whether or not the trace is sampled.
 */
public final class GenAiMetricsProcessor implements SpanProcessor {

    private final GenAiMetrics metrics;

    public GenAiMetricsProcessor(GenAiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.role() == SpanRole.GENERIC) {
            return;
        }
        switch (span.role()) {
            case LLM, EMBEDDINGS -> {
                metrics.client(span.role() == SpanRole.LLM ? "chat" : "embeddings", span.detail(), span.subject(),
                        seconds(span), span.inputTokens(), span.role() == SpanRole.LLM ? span.outputTokens() : -1,
                        span.timeToFirstChunkNanos() < 0 ? -1 : span.timeToFirstChunkNanos() / 1e9, span.errorType());
                double usd = span.costUsd();
                if (!Double.isNaN(usd)) {
                    metrics.cost(span.responseModel() != null ? span.responseModel() : span.subject(),
                            span.enclosingAgent(), usd);
                }
            }
            case AGENT -> metrics.agent(span.subject(), seconds(span), span.errorType());
            case TOOL -> metrics.tool(span.subject(), seconds(span), span.errorType());
            case RETRIEVAL -> metrics.client("retrieval", "", span.subject(), seconds(span), -1, -1, -1,
                    span.errorType());
            default -> { }
        }
    }

    private static double seconds(ReadableSpan span) {
        return span.durationNanos() / 1e9;
    }
}
