package ai.automagik.tracing.telemetry;

import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.trace.ReadableSpan;
import ai.automagik.tracing.trace.SpanRole;
import ai.automagik.tracing.trace.TelemetrySink;
import ai.automagik.tracing.trace.SpanProcessor;

/**
 * Turns every ended agent run, tool execution, model call and command into its anonymous telemetry event
 * ({@code agent.run} and, for a failed one, {@code agent.error}; {@code tool.executed}; {@code llm.call};
 * {@code cli.command}), whether or not its trace is sampled. Under a full queue the events are counted as
 * dropped without being built.
 */
public final class TelemetryProcessor implements SpanProcessor {

    private final TelemetrySink sink;

    public TelemetryProcessor(TelemetrySink sink) {
        this.sink = sink;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // kept small so that it is inlined: most spans have no role of telemetry's (or telemetry is off)
        if (span.role() != SpanRole.GENERIC && sink.enabled()) {
            record(span);
        }
    }

    private void record(ReadableSpan span) {
        boolean success = !span.isError();
        boolean agentFailure = !success && span.role() == SpanRole.AGENT;
        TelemetryEvent event;
        double durationMs = span.durationNanos() / 1_000_000.0;
        switch (span.role()) {
            case AGENT, TOOL, LLM, COMMAND -> {
                if (!sink.hasRoom()) {
                    sink.dropForLackOfRoom();
                    if (agentFailure) {
                        sink.dropForLackOfRoom();
                    }
                    return;
                }
                event = switch (span.role()) {
                    case AGENT -> TelemetryEvent.agentRun(span.subject(), span.detail(), success, durationMs);
                    case TOOL -> TelemetryEvent.toolExecuted(span.subject(), success, durationMs);
                    case LLM -> TelemetryEvent.llmCall(span.responseModel() != null ? span.responseModel()
                            : span.subject(), span.detail(), Math.max(0, span.inputTokens()),
                            Math.max(0, span.outputTokens()), span.costUsd(), success, durationMs);
                    default -> TelemetryEvent.cliCommand(span.subject(), success, durationMs);
                };
            }
            default -> {
                return;
            }
        }
        long start = span.startEpochNanos();
        long end = span.endEpochNanos();
        sink.record(event, start, end);
        if (agentFailure) {
            sink.record(TelemetryEvent.agentError(simpleName(span.errorType()), "agent"), start, end);
        }
    }

    private static String simpleName(String className) {
        if (className == null) {
            return "error";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
