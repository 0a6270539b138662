package ai.automagik.tracing;

/**
 * A unit of work being recorded. Obtained from {@link Tracer}; becomes the current span of the
 * calling thread until {@link #end()} (or {@link #close()}, so it fits try-with-resources).
 * Every method is safe to call after the span ended (it is then ignored) and never throws.
 */
public interface Span extends AutoCloseable {

    Span setAttribute(String key, String value);

    Span setAttribute(String key, long value);

    Span setAttribute(String key, double value);

    Span setAttribute(String key, boolean value);

    /** Adds a timestamped event (observability only). */
    Span addEvent(String name);

    /**
     * Adds a timestamped event with attributes (observability only): String, Long/Integer, Double/Float or Boolean
     * values, at most 16, strings capped like the span's own.
     */
    Span addEvent(String name, java.util.Map<String, ?> attributes);

    /** Marks the span (and so its trace) as failed and records an {@code exception} event. */
    Span recordException(Throwable error);

    /** Marks the span as failed with a message, without an exception. */
    Span setError(String message);

    /**
     * Groups traces into a conversation for observability providers: written on every span of this
     * trace ({@code gen_ai.conversation.id} and {@code user.id}, and LangWatch's {@code langwatch.thread.id}
     * and {@code langwatch.user.id}); never sent to telemetry. Either may be null.
     */
    Span setConversation(String threadId, String userId);

    /** The user's session, as {@code session.id} on every span of this trace (observability only). */
    Span setSession(String sessionId);

    /** For a tool execution: the id the model gave the call ({@code gen_ai.tool.call.id}). */
    Span setToolCallId(String callId);

    /** Content sent to observability providers only (never telemetry), when content capture is on. */
    Span setInput(String input);

    /** Content sent to observability providers only (never telemetry), when content capture is on. */
    Span setOutput(String output);

    /**
     * Makes this span the calling thread's current span until the scope is closed (for work that
     * continues on another thread, such as a streamed answer's callbacks); spans started meanwhile are
     * its children.
     */
    Scope makeCurrent();

    /**
     * Asks that this span's trace be kept whatever sampling decided at its start, because a service this one
     * called kept its part (its {@code traceresponse} said so), so that the trace stays whole. Observability only.
     */
    Span keepTrace();

    /**
     * Takes this span off the calling thread without ending it, when its work completes elsewhere (an
     * asynchronous call): the span it was started under is current again at once.
     */
    Span detach();

    /** The W3C context of this span, for propagation; {@link TraceContext#INVALID} for a no-op span. */
    TraceContext context();

    /** Ends the span once; later calls are ignored. */
    void end();

    @Override
    default void close() {
        end();
    }
}
