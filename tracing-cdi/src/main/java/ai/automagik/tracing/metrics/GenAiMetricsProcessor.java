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
            case LLM -> metrics.chat(span.detail(), span.subject(), seconds(span), span.inputTokens(),
                    span.outputTokens());
            case AGENT -> metrics.operation("invoke_agent", span.subject(), seconds(span));
            case TOOL -> metrics.operation("execute_tool", span.subject(), seconds(span));
            default -> { }
        }
    }

    private static double seconds(ReadableSpan span) {
        return span.durationNanos() / 1e9;
    }
}
