package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.metrics.GenAiMetrics;
import ai.automagik.tracing.otlp.SpanData;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracer: keeps the current span per thread, creates spans with fresh or inherited ids, and hands
 * finished work to the telemetry and trace sinks. Callers pay for a thread-local read and write, two
 * clock reads and one queue hand-off per span; encoding and I/O happen on workers.
 */
public final class DefaultTracer implements Tracer {

    private static final Logger LOG = Logger.getLogger(DefaultTracer.class.getName());
    static final int MAX_NAME = 256;
    // 64 bytes or more of the array on either side of the slot, with compressed or full references
    private static final int CURRENT_SLOT = 16;
    private static final int CURRENT_SLOTS = 2 * CURRENT_SLOT + 1;

    // this thread's current span or remote context, in the middle of a per-thread array: it is written on every
    // span start and end, and in a ThreadLocal's own entry (a small object a garbage collection may move next to
    // another thread's) those writes could share a cache line with another thread's: with two threads recording
    // spans, one of the three causes of JVM runs at about twice the usual time (docs/BENCHMARKS.md)
    private final ThreadLocal<Object[]> current = ThreadLocal.withInitial(() -> new Object[CURRENT_SLOTS]);
    private final TelemetrySink telemetry;
    private final TraceSink traces;
    private final ContextBridge bridge;
    private final GenAiMetrics genAiMetrics = new GenAiMetrics();

    public DefaultTracer(TelemetrySink telemetry, TraceSink traces) {
        this(telemetry, traces, ContextBridge.NONE);
    }

    /** With {@code bridge}, spans join another tracing system's context on the same thread (OpenTelemetry). */
    public DefaultTracer(TelemetrySink telemetry, TraceSink traces, ContextBridge bridge) {
        this.telemetry = telemetry == null ? TelemetrySink.OFF : telemetry;
        this.traces = traces == null ? TraceSink.OFF : traces;
        this.bridge = bridge == null ? ContextBridge.NONE : bridge;
    }

    /**
     * Whether another tracing system already traces what runs on this thread (an OpenTelemetry span is
     * current, as MicroProfile Telemetry's for an incoming request): then no server span of ours is needed.
     */
    public boolean externallyTraced() {
        return bridge != ContextBridge.NONE && bridge.activeParent() != null;
    }

    /** What model calls, agent runs and tools recorded so far, for scraping. */
    public GenAiMetrics genAiMetrics() {
        return genAiMetrics;
    }

    /** False when neither layer would record anything: callers can skip all tracing work. */
    public boolean recording() {
        return traces.enabled() || telemetry.enabled();
    }

    TelemetrySink telemetrySink() {
        return telemetry;
    }

    TraceSink traceSink() {
        return traces;
    }

    private Object currentValue() {
        return current.get()[CURRENT_SLOT];
    }

    private void setCurrent(Object value) {
        current.get()[CURRENT_SLOT] = value;
    }

    @Override
    public Span startSpan(String name) {
        return start(name, SpanData.KIND_INTERNAL, SpanRole.GENERIC, null, null);
    }

    /** A span of the given OTLP kind, e.g. {@link SpanData#KIND_SERVER} for an incoming request. */
    public Span startSpan(String name, int kind) {
        return start(name, kind, SpanRole.GENERIC, null, null);
    }

    @Override
    public Span startAgentRun(String agentName, String framework) {
        String agent = orUnknown(agentName);
        return start("invoke_agent " + agent, SpanData.KIND_INTERNAL, SpanRole.AGENT, agent, framework);
    }

    @Override
    public Span startToolExecution(String toolName) {
        String tool = orUnknown(toolName);
        return start("execute_tool " + tool, SpanData.KIND_INTERNAL, SpanRole.TOOL, tool, null);
    }

    @Override
    public LlmSpan startLlmCall(String provider, String requestModel) {
        String model = orUnknown(requestModel);
        return start("chat " + model, SpanData.KIND_CLIENT, SpanRole.LLM, model, provider);
    }

    @Override
    public Span startCommand(String command) {
        String name = orUnknown(command);
        return start("cli.command " + name, SpanData.KIND_INTERNAL, SpanRole.COMMAND, name, null);
    }

    /**
     * A SERVER span for an incoming request, named {@code "{method} {route}"}, child of {@code remoteParent}
     * when valid (else a new trace),
     * whatever this pooled thread held before: the previous request's context must not leak into this one.
     */
    public Span startServerSpan(String method, String route, TraceContext remoteParent) {
        if (externallyTraced()) {
            // the other system's server span (which continued any traceparent) is the request's: ours would be a
            // second one; our spans continue it through the bridge
            setCurrent(null);
            return NoopSpan.INSTANCE;
        }
        setCurrent(remoteParent != null && remoteParent.isValid() ? remoteParent : null);
        // the name ("GET /api/items/{id}") is read only when the trace is observed: with telemetry alone the
        // span just carries the ids for the response's traceparent, and every request would build it for nothing
        String name = traces.enabled() ? method + " " + route : route;
        // the bridge was just asked: it has no active span, so start need not ask again
        Span span = start(name, SpanData.KIND_SERVER, SpanRole.GENERIC, null, null, true, false);
        if (span == NoopSpan.INSTANCE) {
            setCurrent(null);
        }
        return span;
    }

    private LlmSpan start(String name, int kind, SpanRole role, String subject, String detail) {
        return start(name, kind, role, subject, detail, false, bridge != ContextBridge.NONE);
    }

    /**
     * {@code propagate}: keep a real context (for response headers) even when only telemetry is on;
     * {@code askBridge}: with nothing of ours current, continue the bridged system's active span.
     */
    private LlmSpan start(String name, int kind, SpanRole role, String subject, String detail, boolean propagate,
            boolean askBridge) {
        TraceSink traceSink = traces;
        boolean observe = traceSink.enabled();
        if (!observe && ((role == SpanRole.GENERIC && !propagate) || !telemetry.enabled())) {
            return NoopSpan.INSTANCE;
        }
        try {
            // one thread-local look-up for the read and the write
            Object[] slots = current.get();
            Object previous = slots[CURRENT_SLOT];
            Object parent = previous == null && askBridge ? bridge.activeParent() : previous;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String spanName = RecordingSpan.cap(name, MAX_NAME);
            String cappedSubject = RecordingSpan.cap(subject, MAX_NAME);
            String cappedDetail = RecordingSpan.cap(detail, MAX_NAME);
            long spanId = nonZero(random.nextLong());
            RecordingSpan span;
            if (parent instanceof RecordingSpan parentSpan) {
                span = RecordingSpan.child(this, parentSpan, spanId, spanName, kind, role, cappedSubject, cappedDetail);
            } else if (parent instanceof TraceContext remote && remote.isValid()) {
                // a parent from the bridge was never ours: nothing of ours to make current again at the end
                span = RecordingSpan.root(this, observe, remote.traceIdHigh(), remote.traceIdLow(), spanId,
                        remote.spanIdValue(), remote.isSampled(), spanName, kind, role, cappedSubject, cappedDetail,
                        previous);
            } else {
                span = RecordingSpan.root(this, observe, random.nextLong(), nonZero(random.nextLong()), spanId, 0,
                        true, spanName, kind, role, cappedSubject, cappedDetail, previous);
            }
            slots[CURRENT_SLOT] = span;
            // a server span often ends on another thread (asynchronous resources), where its bridge scope could
            // not be closed and would stay on the request thread: only spans that end or detach where they
            // started are bridged (interceptors detach asynchronous ones)
            if (observe && kind != SpanData.KIND_SERVER && bridge != ContextBridge.NONE) {
                span.bridgeScope = bridge.enter(span.context());
            }
            return span;
        } catch (RuntimeException e) {
            internalError(e);
            return NoopSpan.INSTANCE;
        }
    }

    @Override
    public void recordEvent(TelemetryEvent event) {
        if (event == null || !telemetry.enabled()) {
            return;
        }
        try {
            long now = EpochClock.toEpochNanos(System.nanoTime());
            telemetry.record(event, now, now);
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    /**
     * Records the event {@code build} returns, building it only when telemetry is on and its queue has
     * room; under a full queue the event is counted as dropped without being built (a dead or slow
     * collector must not make every request pay for events that cannot be sent).
     */
    public void recordEventIfRoom(Supplier<TelemetryEvent> build) {
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
    public Scope withSpan(Span span) {
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
    public void detach(Span span) {
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
