package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.otlp.SpanEvent;
import ai.automagik.tracing.sampling.Decision;
import ai.automagik.tracing.sampling.TraceBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A live span. Written by the thread that owns it; {@link #end()} may come from any thread (for
 * asynchronous work) and takes effect once. Never throws into the caller.
 */
final class RecordingSpan implements LlmSpan {

    static final int MAX_ATTRIBUTES = 128;
    static final int MAX_EVENTS = 32;
    static final int MAX_STRING = 4096;
    static final int MAX_INPUT = 1000;
    static final int MAX_OUTPUT = 2000;
    static final int MAX_FINISH_REASONS = 8;

    private static final AtomicIntegerFieldUpdater<RecordingSpan> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(RecordingSpan.class, "ended");
    private static final AtomicReferenceFieldUpdater<RecordingSpan, TraceBuffer> CHILDREN =
            AtomicReferenceFieldUpdater.newUpdater(RecordingSpan.class, TraceBuffer.class, "children");
    // states of a local root's children buffer besides null (no child yet) and an open buffer
    private static final TraceBuffer OPENING = new TraceBuffer(0);
    private static final TraceBuffer ENDING = new TraceBuffer(0);
    private static final TraceBuffer UNBUFFERED = new TraceBuffer(0);

    private final DefaultTracer tracer;
    /** For a child: its trace's buffer (null when not recorded). Unused by a local root. */
    private final TraceBuffer buffer;
    private final boolean observed;
    private final boolean localRoot;
    private final long traceIdHigh;
    private final long traceIdLow;
    private final long spanId;
    private final long parentSpanId;
    private final boolean sampledFlag;
    private final String name;
    private final int kind;
    private final SpanRole role;
    private final String subject;
    private final String detail;
    private final long startNanoTime;
    final Object previousCurrent;
    /** Closes what {@link ContextBridge#enter} opened for this span on the thread that started it. */
    Scope bridgeScope = Scope.NOOP;

    private Attributes attributes;
    private List<SpanEvent> events;
    private int statusCode = SpanData.STATUS_UNSET;
    private String statusMessage;
    private String errorType;
    private String responseModel;
    private long inputTokens = -1;
    private long outputTokens = -1;
    private GenAiMessages inputMessages;
    private GenAiMessages outputMessages;
    private List<String> finishReasons;
    private String toolCallId;
    /** This span's local root (itself for a root), which holds the trace's identity; null when not observed. */
    private final RecordingSpan root;
    /** Set on a local root by the first setConversation/setSession of any span of its trace. */
    private volatile TraceIdentity identity;
    private volatile int ended;
    /**
     * A local root's buffer for its children, opened by the first child (a trace without children, the
     * common case, never holds one): null, {@link #OPENING}, an open buffer, {@link #UNBUFFERED} (no
     * slot was free), or, when the root ended without children, {@link #ENDING} then a decided buffer.
     */
    private volatile TraceBuffer children;

    /** A local root, recorded for observability when {@code observed}. */
    static RecordingSpan root(DefaultTracer tracer, boolean observed, long traceIdHigh, long traceIdLow, long spanId,
            long parentSpanId, boolean sampledFlag, String name, int kind, SpanRole role, String subject, String detail,
            Object previousCurrent) {
        return new RecordingSpan(tracer, null, observed, true, traceIdHigh, traceIdLow, spanId, parentSpanId,
                sampledFlag, name, kind, role, subject, detail, previousCurrent, null);
    }

    /** A child of {@code parent}, recorded when the trace has a buffer for it. */
    static RecordingSpan child(DefaultTracer tracer, RecordingSpan parent, long spanId, String name, int kind,
            SpanRole role, String subject, String detail) {
        TraceBuffer buffer = parent.bufferForChildren();
        return new RecordingSpan(tracer, buffer, buffer != null, false, parent.traceIdHigh, parent.traceIdLow, spanId,
                parent.spanId, parent.sampledFlag, name, kind, role, subject, detail, parent,
                buffer != null ? parent.root : null);
    }

    private RecordingSpan(DefaultTracer tracer, TraceBuffer buffer, boolean observed, boolean localRoot,
            long traceIdHigh, long traceIdLow, long spanId, long parentSpanId, boolean sampledFlag, String name,
            int kind, SpanRole role, String subject, String detail, Object previousCurrent, RecordingSpan traceRoot) {
        this.tracer = tracer;
        this.root = localRoot ? (observed ? this : null) : traceRoot;
        this.buffer = buffer;
        this.observed = observed;
        this.localRoot = localRoot;
        this.traceIdHigh = traceIdHigh;
        this.traceIdLow = traceIdLow;
        this.spanId = spanId;
        this.parentSpanId = parentSpanId;
        this.sampledFlag = sampledFlag;
        this.name = name;
        this.kind = kind;
        this.role = role;
        this.subject = subject;
        this.detail = detail;
        this.previousCurrent = previousCurrent;
        this.startNanoTime = System.nanoTime();
    }

    /** The buffer this span's children go to: its trace's, opened on first use; null when not recorded. */
    private TraceBuffer bufferForChildren() {
        if (!localRoot) {
            return buffer;
        }
        if (!observed) {
            return null;
        }
        for (int spins = 0; ; spins++) {
            TraceBuffer current = children;
            if (current == OPENING || current == ENDING) {
                awaitOtherThread(spins);
                continue;
            }
            if (current != null) {
                return current == UNBUFFERED ? null : current;
            }
            if (CHILDREN.compareAndSet(this, null, OPENING)) {
                TraceBuffer opened = null;
                try {
                    opened = tracer.traceSink().openTrace();
                } finally {
                    children = opened == null ? UNBUFFERED : opened;
                }
                return opened;
            }
        }
    }

    /** Another thread is in the middle of a short, non-blocking step on the children buffer. */
    private static void awaitOtherThread(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Takes the children buffer when this local root ends: null if it never had a (buffered) child. */
    private TraceBuffer takeChildrenAtEnd() {
        for (int spins = 0; ; spins++) {
            TraceBuffer current = children;
            if (current == null && CHILDREN.compareAndSet(this, null, ENDING)) {
                return null;
            }
            if (current == OPENING) {
                awaitOtherThread(spins);
                continue;
            }
            if (current != null) {
                return current == UNBUFFERED ? null : current;
            }
        }
    }

    long traceIdHigh() {
        return traceIdHigh;
    }

    long traceIdLow() {
        return traceIdLow;
    }

    long spanIdValue() {
        return spanId;
    }

    private boolean recording() {
        return observed && ended == 0;
    }

    private Attributes attributes() {
        if (attributes == null) {
            attributes = new Attributes(MAX_ATTRIBUTES);
        }
        return attributes;
    }

    @Override
    public LlmSpan setAttribute(String key, String value) {
        if (recording() && key != null && value != null) {
            attributes().put(key, cap(value, MAX_STRING));
        }
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, long value) {
        if (recording() && key != null) {
            attributes().put(key, value);
        }
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, double value) {
        if (recording() && key != null) {
            attributes().put(key, value);
        }
        return this;
    }

    @Override
    public LlmSpan setAttribute(String key, boolean value) {
        if (recording() && key != null) {
            attributes().put(key, value);
        }
        return this;
    }

    @Override
    public LlmSpan addEvent(String eventName) {
        if (recording() && eventName != null) {
            if (events == null) {
                events = new ArrayList<>(2);
            }
            if (events.size() < MAX_EVENTS) {
                events.add(new SpanEvent(eventName, EpochClock.toEpochNanos(System.nanoTime()), null));
            }
        }
        return this;
    }

    @Override
    public LlmSpan recordException(Throwable error) {
        if (ended != 0 || error == null) {
            return this;
        }
        statusCode = SpanData.STATUS_ERROR;
        errorType = error.getClass().getName();
        statusMessage = cap(String.valueOf(error.getMessage()), MAX_STRING);
        if (observed) {
            markTraceError();
            if (events == null) {
                events = new ArrayList<>(1);
            }
            if (events.size() < MAX_EVENTS) {
                Attributes ex = new Attributes(4);
                ex.put("exception.type", errorType);
                if (error.getMessage() != null) {
                    ex.put("exception.message", cap(error.getMessage(), MAX_STRING));
                }
                events.add(new SpanEvent("exception", EpochClock.toEpochNanos(System.nanoTime()), ex));
            }
        }
        return this;
    }

    @Override
    public LlmSpan setError(String message) {
        if (ended == 0) {
            statusCode = SpanData.STATUS_ERROR;
            statusMessage = cap(message, MAX_STRING);
            if (errorType == null) {
                errorType = "error";
            }
            markTraceError();
        }
        return this;
    }

    /** Lets the sampler see the error even if this span is still open when the root ends (the root's own
     * status is read from its data). */
    private void markTraceError() {
        if (buffer != null) {
            buffer.markError();
        }
    }

    @Override
    public LlmSpan setConversation(String threadId, String userId) {
        TraceIdentity trace = traceIdentity();
        if (trace != null) {
            trace.conversation(threadId);
            trace.user(userId);
        }
        return this;
    }

    /** The trace's identity, created on first use (most traces never set one); null when not observed. */
    private TraceIdentity traceIdentity() {
        if (root == null) {
            return null;
        }
        TraceIdentity trace = root.identity;
        if (trace == null) {
            synchronized (root) {
                trace = root.identity;
                if (trace == null) {
                    trace = new TraceIdentity();
                    root.identity = trace;
                }
            }
        }
        return trace;
    }

    @Override
    public LlmSpan setSession(String sessionId) {
        TraceIdentity trace = traceIdentity();
        if (trace != null) {
            trace.session(sessionId);
        }
        return this;
    }

    @Override
    public LlmSpan setToolCallId(String callId) {
        if (recording() && callId != null) {
            toolCallId = cap(callId, 256);
        }
        return this;
    }

    @Override
    public LlmSpan setInput(String input) {
        if (recording() && input != null && tracer.traceSink().captureContent()) {
            attributes().put("langwatch.input", cap(input, MAX_INPUT));
        }
        return this;
    }

    @Override
    public LlmSpan setOutput(String output) {
        if (recording() && output != null && tracer.traceSink().captureContent()) {
            attributes().put("langwatch.output", cap(output, MAX_OUTPUT));
        }
        return this;
    }

    @Override
    public LlmSpan responseModel(String model) {
        if (ended == 0) {
            responseModel = model;
        }
        return this;
    }

    @Override
    public LlmSpan usage(long input, long output) {
        if (ended == 0) {
            inputTokens = Math.max(0, input);
            outputTokens = Math.max(0, output);
        }
        return this;
    }

    @Override
    public LlmSpan finishReason(String reason) {
        if (recording() && reason != null) {
            if (finishReasons == null) {
                finishReasons = new ArrayList<>(1);
            }
            if (finishReasons.size() < MAX_FINISH_REASONS) {
                finishReasons.add(cap(reason.toLowerCase(java.util.Locale.ROOT), 64));
            }
        }
        return this;
    }

    @Override
    public LlmSpan cost(double usd) {
        if (recording() && Double.isFinite(usd)) {
            attributes().put("gen_ai.usage.cost", usd);
        }
        return this;
    }

    @Override
    public LlmSpan parameter(String parameter, Object value) {
        if (recording() && parameter != null && value != null) {
            Object v = value instanceof Integer i ? Long.valueOf(i)
                    : value instanceof Float f ? Double.valueOf(f)
                    : value instanceof Long || value instanceof Double || value instanceof Boolean ? value
                    : cap(value.toString(), 256);
            attributes().put("gen_ai.request." + parameter, v);
        }
        return this;
    }

    @Override
    public LlmSpan inputMessage(String messageRole, String content) {
        GenAiMessages messages = inputMessages();
        if (messages != null) {
            messages.text(messageRole, content);
        }
        return this;
    }

    @Override
    public LlmSpan inputToolCall(String callId, String toolName, String arguments) {
        GenAiMessages messages = inputMessages();
        if (messages != null) {
            messages.toolCall(callId, toolName, arguments);
        }
        return this;
    }

    @Override
    public LlmSpan inputToolResult(String callId, String result) {
        GenAiMessages messages = inputMessages();
        if (messages != null) {
            messages.toolResult(callId, result);
        }
        return this;
    }

    @Override
    public LlmSpan outputMessage(String messageRole, String content) {
        GenAiMessages messages = outputMessages();
        if (messages != null) {
            messages.text(messageRole, content);
        }
        return this;
    }

    @Override
    public LlmSpan outputToolCall(String callId, String toolName, String arguments) {
        GenAiMessages messages = outputMessages();
        if (messages != null) {
            messages.toolCall(callId, toolName, arguments);
        }
        return this;
    }

    /** The prompt's messages, null when nothing is recorded or content capture is off. */
    private GenAiMessages inputMessages() {
        if (!recording() || !tracer.traceSink().captureContent()) {
            return null;
        }
        if (inputMessages == null) {
            inputMessages = new GenAiMessages(MAX_INPUT);
        }
        return inputMessages;
    }

    private GenAiMessages outputMessages() {
        if (!recording() || !tracer.traceSink().captureContent()) {
            return null;
        }
        if (outputMessages == null) {
            outputMessages = new GenAiMessages(MAX_OUTPUT);
        }
        return outputMessages;
    }

    @Override
    public Scope makeCurrent() {
        return tracer.withSpan(this);
    }

    @Override
    public LlmSpan detach() {
        tracer.detach(this);
        return this;
    }

    @Override
    public TraceContext context() {
        return TraceContext.of(traceIdHigh, traceIdLow, spanId, sampledFlag);
    }

    @Override
    public void end() {
        if (!ENDED.compareAndSet(this, 0, 1)) {
            return;
        }
        long endNanoTime = System.nanoTime();
        tracer.restoreCurrent(this);
        try {
            recordMetrics(endNanoTime);
            emitTelemetry(endNanoTime);
            if (observed) {
                finishTrace(endNanoTime);
            }
        } catch (RuntimeException e) {
            tracer.internalError(e);
        }
    }

    private void recordMetrics(long endNanoTime) {
        double seconds = (endNanoTime - startNanoTime) / 1e9;
        switch (role) {
            case LLM -> tracer.genAiMetrics().chat(detail, subject, seconds, inputTokens, outputTokens);
            case AGENT -> tracer.genAiMetrics().operation("invoke_agent", subject, seconds);
            case TOOL -> tracer.genAiMetrics().operation("execute_tool", subject, seconds);
            default -> { }
        }
    }

    private void emitTelemetry(long endNanoTime) {
        TelemetrySink sink = tracer.telemetrySink();
        if (role == SpanRole.GENERIC || !sink.enabled()) {
            return;
        }
        boolean success = statusCode != SpanData.STATUS_ERROR;
        if (!sink.hasRoom()) {
            sink.dropForLackOfRoom();
            if (!success && role == SpanRole.AGENT) {
                sink.dropForLackOfRoom();
            }
            return;
        }
        double durationMs = (endNanoTime - startNanoTime) / 1_000_000.0;
        TelemetryEvent event = switch (role) {
            case AGENT -> TelemetryEvent.agentRun(subject, detail, success, durationMs);
            case TOOL -> TelemetryEvent.toolExecuted(subject, success, durationMs);
            case LLM -> TelemetryEvent.llmCall(responseModel != null ? responseModel : subject, detail,
                    Math.max(0, inputTokens), Math.max(0, outputTokens), success, durationMs);
            case COMMAND -> TelemetryEvent.cliCommand(subject, success, durationMs);
            case GENERIC -> null;
        };
        long start = EpochClock.toEpochNanos(startNanoTime);
        long end = EpochClock.toEpochNanos(endNanoTime);
        sink.record(event, start, end);
        if (!success && role == SpanRole.AGENT) {
            sink.record(TelemetryEvent.agentError(simpleName(errorType), "agent"), start, end);
        }
    }

    private void finishTrace(long endNanoTime) {
        SpanData data = toSpanData(endNanoTime);
        TraceSink sink = tracer.traceSink();
        if (localRoot) {
            TraceBuffer childSpans = takeChildrenAtEnd();
            Decision decision = sink.rootEnded(data, childSpans);
            if (childSpans == null) {
                // children that start from now on follow the decision as late spans
                children = TraceBuffer.alreadyDecided(decision);
            }
            return;
        }
        Decision decided = buffer.add(data);
        if (decided != null) {
            sink.lateSpan(data, decided);
        }
    }

    private SpanData toSpanData(long endNanoTime) {
        Attributes attrs = attributes == null ? new Attributes(MAX_ATTRIBUTES) : attributes;
        switch (role) {
            case AGENT -> {
                attrs.put("gen_ai.operation.name", "invoke_agent");
                attrs.put("gen_ai.agent.name", subject);
                if (detail != null) {
                    attrs.put("gen_ai.framework", detail);
                }
            }
            case TOOL -> {
                attrs.put("gen_ai.operation.name", "execute_tool");
                attrs.put("gen_ai.tool.name", subject);
                if (toolCallId != null) {
                    attrs.put("gen_ai.tool.call.id", toolCallId);
                }
                // setInput/setOutput only record when content capture is on
                Object arguments = attrs.get("langwatch.input");
                if (arguments != null) {
                    attrs.put("gen_ai.tool.call.arguments", arguments);
                }
                Object result = attrs.get("langwatch.output");
                if (result != null) {
                    attrs.put("gen_ai.tool.call.result", result);
                }
            }
            case LLM -> {
                attrs.put("gen_ai.operation.name", "chat");
                attrs.put("gen_ai.request.model", subject);
                if (detail != null) {
                    attrs.put("gen_ai.provider.name", detail);
                }
                if (responseModel != null) {
                    attrs.put("gen_ai.response.model", responseModel);
                }
                if (inputTokens >= 0) {
                    attrs.put("gen_ai.usage.input_tokens", inputTokens);
                    attrs.put("gen_ai.usage.output_tokens", outputTokens);
                }
                if (finishReasons != null) {
                    attrs.put("gen_ai.response.finish_reasons", List.copyOf(finishReasons));
                }
                if (inputMessages != null && !inputMessages.isEmpty()) {
                    attrs.put("gen_ai.input.messages", inputMessages.toJson(null));
                }
                if (outputMessages != null && !outputMessages.isEmpty()) {
                    attrs.put("gen_ai.output.messages", outputMessages.toJson(
                            finishReasons == null ? null : finishReasons.get(0)));
                }
            }
            case COMMAND -> attrs.put("cli.command", subject);
            case GENERIC -> { }
        }
        if (role.langwatchType() != null) {
            attrs.put("langwatch.span.type", role.langwatchType());
        }
        if (errorType != null) {
            attrs.put("error.type", errorType);
        }
        TraceIdentity trace = root == null ? null : root.identity;
        if (trace != null) {
            trace.applyTo(attrs);
        }
        return new SpanData(traceIdHigh, traceIdLow, spanId, parentSpanId, name, kind,
                EpochClock.toEpochNanos(startNanoTime), EpochClock.toEpochNanos(endNanoTime), attrs,
                events == null ? List.of() : events, statusCode, statusMessage);
    }

    private static String simpleName(String className) {
        if (className == null) {
            return "error";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    static String cap(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max) + "…[truncated]";
    }
}
