package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every tool call of a LangChain4j AI service an {@code execute_tool} span and a {@code tool.executed}
 * event, without {@code @TracedTool} on the tool: {@code TracingAiServiceTools.trace(AiServices.builder(Assistant.class),
 * tracer).chatModel(model).tools(new Calculator()).build()}. The span carries the model's call id
 * ({@code gen_ai.tool.call.id}) and, with content capture on, the arguments and result; it is current while the
 * tool runs, so what the tool starts is its child. Uses the builder's {@code beforeToolExecution} and
 * {@code afterToolExecution} hooks: set your own hooks before calling this, or they replace these.
 */
public final class TracingAiServiceTools {

    private final Tracer tracer;
    // requests are equal by id, name and arguments: two identical calls in flight queue up under one key
    private final Map<ToolExecutionRequest, Deque<Span>> running = new ConcurrentHashMap<>();

    private TracingAiServiceTools(Tracer tracer) {
        this.tracer = tracer;
    }

    public static <T> AiServices<T> trace(AiServices<T> builder, Tracer tracer) {
        TracingAiServiceTools tools = new TracingAiServiceTools(java.util.Objects.requireNonNull(tracer, "tracer"));
        return builder.beforeToolExecution(tools::before).afterToolExecution(tools::after);
    }

    private void before(BeforeToolExecution execution) {
        try {
            ToolExecutionRequest request = execution.request();
            Span span = tracer.startToolExecution(request.name());
            span.setToolCallId(request.id());
            span.setInput(request.arguments());
            running.compute(request, (r, spans) -> {
                Deque<Span> queued = spans == null ? new ArrayDeque<>(1) : spans;
                queued.add(span);
                return queued;
            });
        } catch (RuntimeException e) {
            // tracing must never break the tool call
        }
    }

    private void after(ToolExecution execution) {
        Span[] taken = new Span[1];
        running.computeIfPresent(execution.request(), (r, spans) -> {
            taken[0] = spans.pollFirst();
            return spans.isEmpty() ? null : spans;
        });
        Span span = taken[0];
        if (span == null) {
            return;
        }
        if (execution.hasFailed()) {
            span.setError(execution.result());
        } else {
            span.setOutput(execution.result());
        }
        span.end();
    }
}
