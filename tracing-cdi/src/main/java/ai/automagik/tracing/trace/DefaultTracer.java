package ai.automagik.tracing.trace;

import ai.automagik.tracing.Evaluation;
import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.SpanBuilder;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.spi.Clock;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracer: keeps the current span per thread, creates spans with fresh or inherited ids, and hands ended
 * spans to its span processor. Callers pay for a thread-local read and write, two clock reads and what the
 * processors do on the span's end (a queue hand-off); mapping, encoding and I/O happen on workers.
 */
public final class DefaultTracer implements Tracer {

    private static final Logger LOG = Logger.getLogger(DefaultTracer.class.getName());
    static final int MAX_NAME = 256;
    private static final int KIND_INTERNAL = SpanKind.INTERNAL.otlpValue();
    private static final int KIND_CLIENT = SpanKind.CLIENT.otlpValue();
    private static final int KIND_SERVER = SpanKind.SERVER.otlpValue();
    /** A builder's explicit "no parent": the span starts a new trace. */
    private static final Object NO_PARENT = new Object();
    // 64 bytes or more of the array on either side of the slot, with compressed or full references
    private static final int CURRENT_SLOT = 16;
    private static final int CURRENT_SLOTS = 2 * CURRENT_SLOT + 1;

    // this thread's current span or remote context, in the middle of a per-thread array: it is written on every
    // span start and end, and in a ThreadLocal's own entry (a small object a garbage collection may move next to
    // another thread's) those writes could share a cache line with another thread's: with two threads recording
    // spans, one of the three causes of JVM runs at about twice the usual time (docs/BENCHMARKS.md's git history)
    private final ThreadLocal<Object[]> current = ThreadLocal.withInitial(() -> new Object[CURRENT_SLOTS]);
    private final TelemetrySink telemetry;
    private final ObservabilityState traces;
    private final SpanProcessor processor;
    private final ContextBridge bridge;
    private final Clock clock;
    private final HeadSampler headSampler;

    /**
     * @param telemetry where events go, and whether spans with a role are recorded for them
     * @param traces whether spans are recorded for observability
     * @param processor what happens when a span ends
     * @param bridge with another tracing system on the thread (OpenTelemetry), spans join its context
     */
    public DefaultTracer(TelemetrySink telemetry, ObservabilityState traces, SpanProcessor processor,
            ContextBridge bridge, Clock clock) {
        this(telemetry, traces, processor, bridge, clock, HeadSampler.ALWAYS);
    }

    /** @param headSampler decides at a local trace's start whether it is kept (what its context says) */
    public DefaultTracer(TelemetrySink telemetry, ObservabilityState traces, SpanProcessor processor,
            ContextBridge bridge, Clock clock, HeadSampler headSampler) {
        this.headSampler = headSampler == null ? HeadSampler.ALWAYS : headSampler;
        this.telemetry = telemetry == null ? TelemetrySink.OFF : telemetry;
        this.traces = traces == null ? ObservabilityState.OFF : traces;
        this.processor = processor == null ? SpanProcessor.NONE : processor;
        this.bridge = bridge == null ? ContextBridge.NONE : bridge;
        this.clock = clock == null ? Clock.SYSTEM : clock;
    }

    /**
     * Whether another tracing system already traces what runs on this thread (an OpenTelemetry span is
     * current, as MicroProfile Telemetry's for an incoming request): then no server span of ours is needed.
     */
    public boolean externallyTraced() {
        return bridge != ContextBridge.NONE && bridge.activeParent() != null;
    }

    @Override
    public boolean isEnabled() {
        return traces.enabled() || telemetry.enabled();
    }

    SpanProcessor processor() {
        return processor;
    }

    Clock clock() {
        return clock;
    }

    boolean captureContent() {
        return traces.captureContent();
    }

    private Object currentValue() {
        return current.get()[CURRENT_SLOT];
    }

    private void setCurrent(Object value) {
        current.get()[CURRENT_SLOT] = value;
    }

    @Override
    public Span startSpan(String name) {
        return start(name, KIND_INTERNAL, SpanRole.GENERIC, null, null);
    }

    @Override
    public void recordEvaluation(TraceContext evaluated, Evaluation evaluation) {
        if (evaluated == null || !evaluated.isValid()) {
            return;
        }
        evaluation(new DefaultSpanBuilder(this, evaluationName(evaluation)).setParent(evaluated), evaluation, null);
    }

    @Override
    public void recordEvaluation(String responseId, Evaluation evaluation) {
        if (responseId == null || responseId.isBlank()) {
            return;
        }
        evaluation(new DefaultSpanBuilder(this, evaluationName(evaluation)).setNoParent(), evaluation,
                RecordingSpan.cap(responseId, 256));
    }

    private static String evaluationName(Evaluation evaluation) {
        return "evaluation " + evaluation.name();
    }

    private void evaluation(SpanBuilder builder, Evaluation evaluation, String responseId) {
        if (!traces.enabled()) {
            return;
        }
        try {
            Span span = builder.startSpan();
            try {
                java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
                result.put("gen_ai.evaluation.name", evaluation.name());
                if (evaluation.scoreValue() != null) {
                    result.put("gen_ai.evaluation.score.value", evaluation.scoreValue());
                }
                if (evaluation.scoreLabel() != null) {
                    result.put("gen_ai.evaluation.score.label", evaluation.scoreLabel());
                }
                if (evaluation.explanation() != null && captureContent()) {
                    result.put("gen_ai.evaluation.explanation", evaluation.explanation());
                }
                if (responseId != null) {
                    result.put("gen_ai.response.id", responseId);
                    span.setAttribute("gen_ai.response.id", responseId);
                }
                span.setAttribute("gen_ai.evaluation.name", evaluation.name());
                span.addEvent("gen_ai.evaluation.result", result);
            } finally {
                span.end(); // makes current again what was current before
            }
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    @Override
    public SpanBuilder spanBuilder(String name) {
        return new DefaultSpanBuilder(this, name);
    }

    @Override
    public Span startAgentRun(String agentName, String framework) {
        String agent = orUnknown(agentName);
        return start("invoke_agent " + agent, KIND_INTERNAL, SpanRole.AGENT, agent, framework);
    }

    @Override
    public Span startToolExecution(String toolName) {
        String tool = orUnknown(toolName);
        return start("execute_tool " + tool, KIND_INTERNAL, SpanRole.TOOL, tool, null);
    }

    @Override
    public LlmSpan startLlmCall(String provider, String requestModel) {
        String model = orUnknown(requestModel);
        return start("chat " + model, KIND_CLIENT, SpanRole.LLM, model, provider);
    }

    @Override
    public LlmSpan startEmbeddings(String provider, String requestModel) {
        String model = orUnknown(requestModel);
        return start("embeddings " + model, KIND_CLIENT, SpanRole.EMBEDDINGS, model, provider);
    }

    @Override
    public Span startRetrieval(String dataSource) {
        String source = orUnknown(dataSource);
        return start("retrieval " + source, KIND_CLIENT, SpanRole.RETRIEVAL, source, null);
    }

    @Override
    public Span startCommand(String command) {
        String name = orUnknown(command);
        return start("cli.command " + name, KIND_INTERNAL, SpanRole.COMMAND, name, null);
    }

    /**
     * A span from a builder. With {@code explicitParent} (a context, or {@link TraceContext#INVALID} for a new
     * trace) whatever is current on the thread is not its parent. A CLIENT span has a real context when only
     * telemetry is on, for the outgoing call's headers. A SERVER span ignores what this pooled thread
     * held before, so a previous request's context cannot leak into this one, and leaves nothing behind when it
     * ends; it keeps a real context (for the response's {@code traceparent}) when only telemetry is on, and is
     * not started when another tracing system already traces the request.
     */
    Span start(String name, SpanKind kind, TraceContext explicitParent) {
        boolean server = kind == SpanKind.SERVER;
        if (server && explicitParent != null && externallyTraced()) {
            // the other system's server span (which continued any traceparent) is the request's: ours would be a
            // second one; our spans continue it through the bridge
            setCurrent(null);
            return NoopSpan.INSTANCE;
        }
        Object parent = explicitParent == null ? null : explicitParent.isValid() ? explicitParent : NO_PARENT;
        // a request's spans, in and out, carry a real context even when only telemetry is on: it goes in headers
        boolean propagate = server || kind == SpanKind.CLIENT;
        Span span = start(name, kind.otlpValue(), SpanRole.GENERIC, null, null, propagate,
                explicitParent == null && bridge != ContextBridge.NONE, parent);
        if (server && span == NoopSpan.INSTANCE) {
            setCurrent(null);
        }
        return span;
    }

    private LlmSpan start(String name, int kind, SpanRole role, String subject, String detail) {
        return start(name, kind, role, subject, detail, false, bridge != ContextBridge.NONE, null);
    }

    /**
     * {@code propagate}: keep a real context (for response headers) even when only telemetry is on;
     * {@code askBridge}: with nothing of ours current, continue the bridged system's active span;
     * {@code explicitParent}: null for the thread's current span, else a {@link TraceContext} or {@link #NO_PARENT}.
     */
    private LlmSpan start(String name, int kind, SpanRole role, String subject, String detail, boolean propagate,
            boolean askBridge, Object explicitParent) {
        boolean observe = traces.enabled();
        if (!observe && ((role == SpanRole.GENERIC && !propagate) || !telemetry.enabled())) {
            return NoopSpan.INSTANCE;
        }
        try {
            // one thread-local look-up for the read and the write
            Object[] slots = current.get();
            Object previous = slots[CURRENT_SLOT];
            Object parent = explicitParent != null ? explicitParent
                    : previous == null && askBridge ? bridge.activeParent() : previous;
            // a request's span leaves nothing of the thread's past behind it
            Object restore = kind == KIND_SERVER && explicitParent != null ? null : previous;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String spanName = RecordingSpan.cap(name, MAX_NAME);
            String cappedSubject = RecordingSpan.cap(subject, MAX_NAME);
            String cappedDetail = RecordingSpan.cap(detail, MAX_NAME);
            long spanId = nonZero(random.nextLong());
            RecordingSpan span;
            if (parent instanceof RecordingSpan parentSpan) {
                span = RecordingSpan.child(this, parentSpan, spanId, spanName, kind, role, cappedSubject, cappedDetail,
                        restore);
            } else {
                // a parent from the bridge was never ours: nothing of ours to make current again at the end
                span = localRoot(parent instanceof TraceContext remote && remote.isValid() ? remote : null, observe,
                        random, spanId, spanName, kind, role, cappedSubject, cappedDetail, restore);
            }
            slots[CURRENT_SLOT] = span;
            // a server span often ends on another thread (asynchronous resources), where its bridge scope could
            // not be closed and would stay on the request thread: only spans that end or detach where they
            // started are bridged (interceptors detach asynchronous ones)
            if (observe && kind != KIND_SERVER && bridge != ContextBridge.NONE) {
                span.bridgeScope = bridge.enter(span.context());
            }
            return span;
        } catch (RuntimeException e) {
            internalError(e);
            return NoopSpan.INSTANCE;
        }
    }

    /**
     * The first span of this process in a trace: of the caller's ({@code remote}) or of a new one, whose id's
     * right-most 56 bits are random and whose flags say so (W3C Level 2). When observed, sampling decides at this
     * start: the caller's decision first, then this process's rules; the context says what was decided.
     */
    private RecordingSpan localRoot(TraceContext remote, boolean observe, ThreadLocalRandom random, long spanId,
            String name, int kind, SpanRole role, String subject, String detail, Object restore) {
        long high = remote != null ? remote.traceIdHigh() : random.nextLong();
        long low = remote != null ? remote.traceIdLow() : nonZero(random.nextLong());
        long startNanoTime = clock.nanoTime();
        HeadDecision head = null;
        int flags = remote != null ? remote.traceFlags() : TraceContext.FLAG_RANDOM;
        String state = remote != null ? remote.traceState() : "";
        if (observe) {
            head = headSampler.decide(name, remote, high, low, clock.epochNanos(startNanoTime));
            flags = (flags & TraceContext.FLAG_RANDOM) | (headSampler.sampled(head) ? TraceContext.FLAG_SAMPLED : 0);
            state = headSampler.traceState(head, remote);
        }
        return RecordingSpan.root(this, observe, high, low, spanId, remote == null ? 0 : remote.spanIdValue(), flags,
                state, head, name, kind, role, subject, detail, restore, startNanoTime);
    }

    @Override
    public void recordEvent(TelemetryEvent event) {
        if (event == null || !telemetry.enabled()) {
            return;
        }
        try {
            long now = clock.epochNanos(clock.nanoTime());
            telemetry.record(event, now, now);
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    @Override
    public void recordEvent(Supplier<TelemetryEvent> build) {
        if (!telemetry.enabled()) {
            return;
        }
        if (telemetry.hasRoom()) {
            recordEvent(build.get());
            return;
        }
        try {
            telemetry.dropForLackOfRoom();
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    @Override
    public TraceContext currentContext() {
        Object value = currentValue();
        if (value instanceof RecordingSpan span) {
            return span.context();
        }
        if (value instanceof TraceContext context) {
            return context;
        }
        TraceContext external = bridge.activeParent();
        return external == null ? TraceContext.INVALID : external;
    }

    @Override
    public Span currentSpan() {
        return currentValue() instanceof RecordingSpan span ? span : NoopSpan.INSTANCE;
    }

    @Override
    public Scope withContext(TraceContext context) {
        if (context == null || !context.isValid()) {
            return Scope.NOOP;
        }
        return swap(context);
    }

    /** Makes {@code span} the current span of this thread (for asynchronous hand-over). */
    Scope withSpan(Span span) {
        return span instanceof RecordingSpan ? swap(span) : Scope.NOOP;
    }

    private Scope swap(Object value) {
        Object[] slots = current.get();
        Object previous = slots[CURRENT_SLOT];
        slots[CURRENT_SLOT] = value;
        Scope bridged = enterBridge(value);
        return () -> {
            bridged.close();
            setCurrent(previous);
        };
    }

    /** Makes a span or context of ours the bridged system's current one too, for a swap or a wrapped task. */
    private Scope enterBridge(Object value) {
        if (bridge == ContextBridge.NONE || !traces.enabled()) {
            return Scope.NOOP;
        }
        if (value instanceof RecordingSpan span) {
            return bridge.enter(span.context());
        }
        return value instanceof TraceContext context ? bridge.enter(context) : Scope.NOOP;
    }

    @Override
    public Runnable wrap(Runnable task) {
        Object captured = currentValue();
        if (captured == null) {
            return task;
        }
        return () -> {
            Object[] slots = current.get();
            Object previous = slots[CURRENT_SLOT];
            slots[CURRENT_SLOT] = captured;
            Scope bridged = enterBridge(captured);
            try {
                task.run();
            } finally {
                bridged.close();
                slots[CURRENT_SLOT] = previous;
            }
        };
    }

    @Override
    public <T> Callable<T> wrap(Callable<T> task) {
        Object captured = currentValue();
        if (captured == null) {
            return task;
        }
        return () -> {
            Object[] slots = current.get();
            Object previous = slots[CURRENT_SLOT];
            slots[CURRENT_SLOT] = captured;
            Scope bridged = enterBridge(captured);
            try {
                return task.call();
            } finally {
                bridged.close();
                slots[CURRENT_SLOT] = previous;
            }
        };
    }

    /**
     * Takes {@code span} off this thread without ending it (its work continues elsewhere, e.g. an
     * asynchronous result): its parent becomes current again.
     */
    void detach(Span span) {
        if (span instanceof RecordingSpan recording) {
            restoreCurrent(recording);
        }
    }

    /** Called by a span when it ends: if it is this thread's current span, its parent becomes current again. */
    void restoreCurrent(RecordingSpan span) {
        Object[] slots = current.get();
        if (slots[CURRENT_SLOT] == span) {
            slots[CURRENT_SLOT] = span.previousCurrent;
            span.bridgeScope.close();
        }
    }

    void internalError(RuntimeException e) {
        LOG.log(Level.FINE, "Tracing error suppressed so it never reaches the application", e);
    }

    private static long nonZero(long value) {
        return value == 0 ? 1 : value;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
