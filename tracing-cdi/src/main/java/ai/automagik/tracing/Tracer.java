package ai.automagik.tracing;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The public way to record work. Inject it with CDI ({@code @Inject Tracer tracer}) or build one
 * without a container through {@link TracingManager#builder()}.
 *
 * <p>Spans started on a thread become children of that thread's current span. To continue a trace
 * on another thread, capture {@link #currentContext()} and use {@link #withContext(TraceContext)} there,
 * or wrap the task with {@link #wrap(Runnable)}.
 *
 * <p>No method throws into the caller, and none blocks: when tracing is off they cost a field read.
 */
public interface Tracer {

    /** A generic span (observability only). */
    Span startSpan(String name);

    /** A builder for a span of another kind or with an explicit parent (an incoming request, an outgoing call). */
    SpanBuilder spanBuilder(String name);

    /**
     * False when neither telemetry nor observability would record anything right now: callers may skip
     * preparing what they would record (instrumentation does).
     */
    boolean isEnabled();

    /** The root of an agent run: {@code invoke_agent {agent}} span and, on end, an {@code agent.run} event. */
    Span startAgentRun(String agentName, String framework);

    /** A tool execution: {@code execute_tool {tool}} span and, on end, a {@code tool.executed} event. */
    Span startToolExecution(String toolName);

    /** A model call: {@code chat {model}} span and, on end, an {@code llm.call} event. */
    LlmSpan startLlmCall(String provider, String requestModel);

    /**
     * An embeddings call: {@code embeddings {model}} span (usage, response model and cost apply; no telemetry
     * event). Record the vectors' size with {@code gen_ai.embeddings.dimension.count}.
     */
    LlmSpan startEmbeddings(String provider, String requestModel);

    /**
     * A retrieval from a data source (RAG): {@code retrieval {dataSource}} span. {@link Span#setInput} takes the
     * query, {@link Span#setOutput} the documents found as a JSON array of {@code {id, score, content}} (both sent
     * only with content capture on); record {@code gen_ai.retrieval.top_k} as an attribute.
     */
    Span startRetrieval(String dataSource);

    /** A CLI-style command: a span and, on end, a {@code cli.command} event. */
    Span startCommand(String command);

    /** Records an anonymous telemetry event (it is allowlisted and sanitized before it leaves). */
    void recordEvent(TelemetryEvent event);

    /**
     * Records the event {@code event} builds, building it only when telemetry is on and its queue has room:
     * under a dead collector a full queue counts the event as dropped without the caller paying for it.
     */
    void recordEvent(Supplier<TelemetryEvent> event);

    /** The current thread's context, {@link TraceContext#INVALID} when there is none. */
    TraceContext currentContext();

    /**
     * The calling thread's current span, a no-op span when there is none (or only a remote context, see
     * {@link #currentContext()}). With {@link Span#makeCurrent()} on another thread, work there continues
     * the same trace.
     */
    Span currentSpan();

    /**
     * Records {@code evaluation} of the span whose context is {@code evaluated}, also after that span ended: a short
     * {@code evaluation {name}} span, child of the evaluated one in its trace, carrying a
     * {@code gen_ai.evaluation.result} event. Kept when the evaluated trace was (its context's sampled flag).
     */
    void recordEvaluation(TraceContext evaluated, Evaluation evaluation);

    /**
     * Records {@code evaluation} of the model answer with this provider response id ({@code gen_ai.response.id}),
     * when its span is not at hand: an {@code evaluation {name}} span of a trace of its own.
     */
    void recordEvaluation(String responseId, Evaluation evaluation);

    /** Makes {@code context} (for example from an incoming {@code traceparent}) the parent of new spans on this thread. */
    Scope withContext(TraceContext context);

    /** Wraps a task so that it runs with the caller's current context, on whatever thread runs it. */
    Runnable wrap(Runnable task);

    /** Wraps a task so that it runs with the caller's current context, on whatever thread runs it. */
    <T> Callable<T> wrap(Callable<T> task);
}
