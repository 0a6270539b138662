package ai.automagik.tracing.langchain4j;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.GuardrailExecutedEvent;
import dev.langchain4j.observability.api.event.InputGuardrailExecutedEvent;
import dev.langchain4j.observability.api.event.OutputGuardrailExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.service.AiServices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a LangChain4j AI service's own events onto an {@code invoke_agent} span per invocation:
 * {@code TracingAiServiceListeners.trace(AiServices.builder(Assistant.class), tracer)…build()}. The span starts when
 * the service is called (named after the service's interface, its method as {@code automagik.agent.method}),
 * is current on the calling thread while the service runs, so its model calls ({@code TracingChatModelListener}),
 * retrievals and tool calls are its children, and ends when the service completes or fails (the error recorded).
 * Each input and output guardrail that ran is a {@code gen_ai.guardrail.result} event on it (guardrail, input or
 * output, result, duration). For a synchronous service; a streaming one completes on the model's thread, so put
 * {@code @TracedAgent} on the method that calls it instead.
 */
public final class TracingAiServiceListeners {

    static final String GUARDRAIL_EVENT = "gen_ai.guardrail.result";

    private final Tracer tracer;
    private final Map<UUID, Span> running = new ConcurrentHashMap<>();

    private TracingAiServiceListeners(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Registers the listeners on {@code builder} (with the tool hooks of {@link TracingAiServiceTools} too). */
    public static <T> AiServices<T> trace(AiServices<T> builder, Tracer tracer) {
        TracingAiServiceListeners listeners = new TracingAiServiceListeners(java.util.Objects.requireNonNull(tracer,
                "tracer"));
        return TracingAiServiceTools.trace(builder, tracer).registerListeners(listeners.all());
    }

    List<AiServiceListener<?>> all() {
        return List.of(listener(AiServiceStartedEvent.class, this::started),
                listener(InputGuardrailExecutedEvent.class, event -> guardrail(event, "input")),
                listener(OutputGuardrailExecutedEvent.class, event -> guardrail(event, "output")),
                listener(AiServiceCompletedEvent.class, this::completed),
                listener(AiServiceErrorEvent.class, this::failed));
    }

    private void started(AiServiceStartedEvent event) {
        InvocationContext invocation = event.invocationContext();
        Span span = tracer.startAgentRun(simpleName(invocation.interfaceName()), "langchain4j");
        if (invocation.methodName() != null) {
            span.setAttribute("automagik.agent.method", invocation.methodName());
        }
        if (event.userMessage() != null && event.userMessage().hasSingleText()) {
            span.setInput(event.userMessage().singleText());
        }
        running.put(invocation.invocationId(), span);
    }

    private void guardrail(GuardrailExecutedEvent<?, ?, ?> event, String kind) {
        Span span = running.get(event.invocationContext().invocationId());
        if (span == null) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("automagik.guardrail.name", event.guardrailName() == null || event.guardrailName().isEmpty()
                ? event.guardrailClass().getSimpleName() : event.guardrailName());
        attributes.put("automagik.guardrail.target", kind);
        GuardrailResult<?> result = event.result();
        if (result != null && result.result() != null) {
            attributes.put("automagik.guardrail.result", result.result().name().toLowerCase(Locale.ROOT));
            attributes.put("automagik.guardrail.failures", (long) result.failures().size());
        }
        if (event.duration() != null) {
            attributes.put("automagik.guardrail.duration_ms", event.duration().toNanos() / 1e6);
        }
        span.addEvent(GUARDRAIL_EVENT, attributes);
    }

    private void completed(AiServiceCompletedEvent event) {
        Span span = running.remove(event.invocationContext().invocationId());
        if (span != null) {
            event.result().ifPresent(result -> span.setOutput(String.valueOf(result)));
            span.end();
        }
    }

    private void failed(AiServiceErrorEvent event) {
        Span span = running.remove(event.invocationContext().invocationId());
        if (span != null) {
            span.recordException(event.error());
            span.end();
        }
    }

    private static String simpleName(String interfaceName) {
        if (interfaceName == null || interfaceName.isEmpty()) {
            return "ai-service";
        }
        int dot = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$'));
        return dot < 0 ? interfaceName : interfaceName.substring(dot + 1);
    }

    private static <E extends dev.langchain4j.observability.api.event.AiServiceEvent> AiServiceListener<E> listener(
            Class<E> type, java.util.function.Consumer<E> handler) {
        return new AiServiceListener<>() {
            @Override
            public Class<E> getEventClass() {
                return type;
            }

            @Override
            public void onEvent(E event) {
                try {
                    handler.accept(event);
                } catch (RuntimeException e) {
                    // tracing must never break the AI service
                }
            }
        };
    }
}
