package ai.automagik.tracing.trace;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Scope;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.SpanEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A live span: it only records. Written by the thread that owns it; {@link #end()} may come from any thread
 * (for asynchronous work), takes effect once, and hands the span to the tracer's processors. After the end
 * nothing changes it. Never throws into the caller.
 */
final class RecordingSpan implements LlmSpan, ReadableSpan {

    static final int MAX_ATTRIBUTES = 128;
    static final int MAX_EVENTS = 32;
    static final int MAX_EVENT_ATTRIBUTES = 16;
    static final int MAX_STRING = 4096;
    static final int MAX_INPUT = 1000;
    static final int MAX_OUTPUT = 2000;
    static final int MAX_FINISH_REASONS = 8;
    static final int MAX_PARAMETERS = 32;
    /** How far up the spans current at each start {@link #enclosingAgent()} looks. */
    private static final int MAX_AGENT_DEPTH = 64;

    private static final AtomicIntegerFieldUpdater<RecordingSpan> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(RecordingSpan.class, "ended");
    private static final AtomicReferenceFieldUpdater<RecordingSpan, LocalTrace> TRACE =
            AtomicReferenceFieldUpdater.newUpdater(RecordingSpan.class, LocalTrace.class, "trace");

    private final DefaultTracer tracer;
    private final boolean observed;
    private final boolean localRoot;
    private final long traceIdHigh;
    private final long traceIdLow;
    private final long spanId;
    private final long parentSpanId;
    private final int traceFlags;
    private final String traceState;
    /** On a local root of an observed trace: what sampling decided at its start; null otherwise. */
    private final HeadDecision head;
    /** On a local root: kept at its end although its start did not keep it, so its context now says sampled. */
    private volatile boolean promoted;
    private final String name;
    private final int kind;
    private final SpanRole role;
    // not final, like inherited: a root's constructor leaves them to its factory, which sets them on role spans only
    private String subject;
    private String detail;
    private final long startNanoTime;
    private long endNanoTime;
    final Object previousCurrent;
    /** Closes what {@link ContextBridge#enter} opened for this span on the thread that started it. */
    Scope bridgeScope = Scope.NOOP;
    /**
     * On a span under a local root: what the spans of its trace share (null when not observed). Not final so that a
     * root's constructor has one store less (small enough for the JIT to inline it where the span is created);
     * written once, in the constructor, like the final fields.
     */
    private LocalTrace inherited;
    /** On a local root: what its trace's spans share, created on first use ({@link #ENDED_ALONE} once closed). */
    private volatile LocalTrace trace;
    /** On a local root that ended alone: what spans started under it later begin with. */
    private Object stateAfterEnd; // written before the volatile write of {@link #trace} that publishes it
    /** A local root ended without a shared state; spans started under it later get one from {@link #stateAfterEnd}. */
    private static final LocalTrace ENDED_ALONE = new LocalTrace();

    private Attributes attributes;
    private List<SpanEvent> events;
    private int statusCode = SpanData.STATUS_UNSET;
    private String statusMessage;
    private String errorType;
    /** What a model call or tool recorded; null on a plain span. */
    private GenAiRecording genAi;
    private volatile int ended;

    /** A local root, recorded for observability when {@code observed}. */
    static RecordingSpan root(DefaultTracer tracer, boolean observed, long traceIdHigh, long traceIdLow, long spanId,
            long parentSpanId, int traceFlags, String traceState, HeadDecision head, String name, int kind,
            SpanRole role, String subject, String detail, Object previousCurrent, long startNanoTime) {
        RecordingSpan span = new RecordingSpan(tracer, observed, traceIdHigh, traceIdLow, spanId, parentSpanId,
                traceFlags, traceState, head, name, kind, role, previousCurrent, startNanoTime);
        if (subject != null) {
            span.subject = subject;
        }
        if (detail != null) {
            span.detail = detail;
        }
        return span;
    }

    /** A child of {@code parent}, recorded when its trace is; {@code previousCurrent} is current again at its end. */
    static RecordingSpan child(DefaultTracer tracer, RecordingSpan parent, long spanId, String name, int kind,
            SpanRole role, String subject, String detail, Object previousCurrent) {
        return new RecordingSpan(tracer, parent, spanId, name, kind, role, subject, detail, previousCurrent,
                tracer.clock().nanoTime());
    }

    // Two constructors, each storing only what its kind of span has: the just-in-time compiler inlines a small
    // constructor into the tracer's start, where stores into the new object need no garbage-collector barriers
    private RecordingSpan(DefaultTracer tracer, boolean observed, long traceIdHigh, long traceIdLow, long spanId,
            long parentSpanId, int traceFlags, String traceState, HeadDecision head, String name, int kind,
            SpanRole role, Object previousCurrent, long startNanoTime) {
        this.tracer = tracer;
        this.observed = observed;
        this.localRoot = true;
        this.traceIdHigh = traceIdHigh;
        this.traceIdLow = traceIdLow;
        this.spanId = spanId;
        this.parentSpanId = parentSpanId;
        this.traceFlags = traceFlags;
        this.traceState = traceState;
        this.head = head;
        this.name = name;
        this.kind = kind;
        this.role = role;
        this.previousCurrent = previousCurrent;
        this.startNanoTime = startNanoTime;
    }

    private RecordingSpan(DefaultTracer tracer, RecordingSpan parent, long spanId, String name, int kind,
            SpanRole role, String subject, String detail, Object previousCurrent, long startNanoTime) {
        this.tracer = tracer;
        this.observed = parent.observed;
        this.localRoot = false;
        this.traceIdHigh = parent.traceIdHigh;
        this.traceIdLow = parent.traceIdLow;
        this.spanId = spanId;
        this.parentSpanId = parent.spanId;
        this.traceFlags = parent.traceFlags;
        this.traceState = parent.traceState;
        this.head = null;
        this.name = name;
        this.kind = kind;
        this.role = role;
        this.subject = subject;
        this.detail = detail;
        this.previousCurrent = previousCurrent;
        this.inherited = parent.observed ? parent.sharedTrace() : null;
        this.startNanoTime = startNanoTime;
    }

    /** The trace-wide state of this span's local trace, created on first use; null when not observed. */
    private LocalTrace localTraceCreated() {
        return observed ? sharedTrace() : null;
    }

    /** What this span's trace shares, for it and its children; on a local root created on first use. */
    private LocalTrace sharedTrace() {
        if (!localRoot) {
            return inherited;
        }
        LocalTrace current = trace;
        if (current == null) {
            TRACE.compareAndSet(this, null, new LocalTrace());
            current = trace;
        }
        return current == ENDED_ALONE ? new LocalTrace(stateAfterEnd) : current;
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
    public LlmSpan addEvent(String eventName, java.util.Map<String, ?> eventAttributes) {
        if (recording() && eventName != null) {
            Attributes recorded = null;
            if (eventAttributes != null && !eventAttributes.isEmpty()) {
                recorded = new Attributes(MAX_EVENT_ATTRIBUTES);
                for (java.util.Map.Entry<String, ?> entry : eventAttributes.entrySet()) {
                    Object value = entry.getValue();
                    if (entry.getKey() == null || value == null) {
                        continue;
                    }
                    recorded.put(entry.getKey(), value instanceof Integer i ? Long.valueOf(i)
                            : value instanceof Float f ? Double.valueOf(f)
                            : value instanceof Long || value instanceof Double || value instanceof Boolean ? value
                            : cap(value.toString(), MAX_STRING));
                }
            }
            if (events == null) {
                events = new ArrayList<>(2);
            }
            if (events.size() < MAX_EVENTS) {
                events.add(new SpanEvent(eventName, tracer.clock().epochNanos(tracer.clock().nanoTime()), recorded));
            }
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
                events.add(new SpanEvent(eventName, tracer.clock().epochNanos(tracer.clock().nanoTime()), null));
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
                events.add(new SpanEvent("exception", tracer.clock().epochNanos(tracer.clock().nanoTime()), ex));
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

    /** Lets the sampler see the error even if this span is still open when its root ends. */
    private void markTraceError() {
        if (observed && !localRoot) {
            localTraceCreated().markError();
        }
    }

    @Override
    public LlmSpan setConversation(String threadId, String userId) {
        LocalTrace shared = localTraceCreated();
        if (shared != null) {
            shared.conversation(threadId);
            shared.user(userId);
        }
        return this;
    }

    @Override
    public LlmSpan setSession(String sessionId) {
        LocalTrace shared = localTraceCreated();
        if (shared != null) {
            shared.session(sessionId);
        }
        return this;
    }

    private GenAiRecording genAi() {
        if (genAi == null) {
            genAi = new GenAiRecording();
        }
        return genAi;
    }

    @Override
    public LlmSpan setToolCallId(String callId) {
        if (recording() && callId != null) {
            genAi().toolCallId = cap(callId, 256);
        }
        return this;
    }

    @Override
    public LlmSpan setInput(String value) {
        if (recording() && value != null && tracer.captureContent()) {
            genAi().input = cap(value, MAX_INPUT);
        }
        return this;
    }

    @Override
    public LlmSpan setOutput(String value) {
        if (recording() && value != null && tracer.captureContent()) {
            genAi().output = cap(value, MAX_OUTPUT);
        }
        return this;
    }

    @Override
    public LlmSpan responseModel(String model) {
        if (ended == 0) {
            genAi().responseModel = model;
        }
        return this;
    }

    @Override
    public LlmSpan usage(long inputCount, long outputCount) {
        if (ended == 0) {
            GenAiRecording recorded = genAi();
            recorded.inputTokens = Math.max(0, inputCount);
            recorded.outputTokens = Math.max(0, outputCount);
        }
        return this;
    }

    @Override
    public LlmSpan responseId(String id) {
        if (recording() && id != null) {
            genAi().responseId = cap(id, 256);
        }
        return this;
    }

    @Override
    public LlmSpan cachedTokens(long cacheReadInputTokens, long cacheCreationInputTokens) {
        if (ended == 0) {
            GenAiRecording recorded = genAi();
            recorded.cacheReadTokens = Math.max(-1, cacheReadInputTokens);
            recorded.cacheCreationTokens = Math.max(-1, cacheCreationInputTokens);
        }
        return this;
    }

    @Override
    public LlmSpan reasoningTokens(long reasoningOutputTokens) {
        if (ended == 0) {
            genAi().reasoningTokens = Math.max(-1, reasoningOutputTokens);
        }
        return this;
    }

    @Override
    public LlmSpan firstChunkReceived() {
        if (ended == 0) {
            GenAiRecording recorded = genAi();
            if (recorded.firstChunkNanos < 0) {
                recorded.firstChunkNanos = Math.max(0, tracer.clock().nanoTime() - startNanoTime);
            }
        }
        return this;
    }

    @Override
    public long timeToFirstChunkNanos() {
        return genAi == null ? -1 : genAi.firstChunkNanos;
    }

    @Override
    public CachedUsage detailedUsage() {
        GenAiRecording recorded = genAi;
        return recorded == null ? CachedUsage.NONE
                : new CachedUsage(recorded.cacheReadTokens, recorded.cacheCreationTokens, recorded.reasoningTokens);
    }

    @Override
    public double costUsd() {
        GenAiRecording recorded = genAi;
        return recorded == null || recorded.costUsd == null ? Double.NaN : recorded.costUsd;
    }

    @Override
    public void priced(double usd) {
        if (Double.isFinite(usd) && genAi().costUsd == null) {
            genAi.costUsd = usd;
        }
    }

    @Override
    public String enclosingAgent() {
        Object span = this;
        for (int depth = 0; depth < MAX_AGENT_DEPTH && span instanceof RecordingSpan recording; depth++) {
            if (recording.role == SpanRole.AGENT) {
                return recording.subject;
            }
            span = recording.previousCurrent;
        }
        return null;
    }

    @Override
    public LlmSpan finishReason(String reason) {
        if (recording() && reason != null) {
            genAi().finishReason(cap(reason.toLowerCase(Locale.ROOT), 64), MAX_FINISH_REASONS);
        }
        return this;
    }

    @Override
    public LlmSpan cost(double usd) {
        if (recording() && Double.isFinite(usd)) {
            genAi().costUsd = usd;
        }
        return this;
    }

    @Override
    public LlmSpan parameter(String parameter, Object value) {
        if (recording() && parameter != null && value != null) {
            Object v = value instanceof Integer i ? Long.valueOf(i)
                    : value instanceof Float f ? Double.valueOf(f)
                    : value instanceof Long || value instanceof Double || value instanceof Boolean ? value
                    : value instanceof java.util.Collection<?> list ? list.stream().limit(MAX_FINISH_REASONS)
                            .map(item -> cap(String.valueOf(item), 256)).toList()
                    : cap(value.toString(), 256);
            genAi().parameter(cap(parameter, 64), v, MAX_PARAMETERS);
        }
        return this;
    }

    @Override
    public LlmSpan inputMessage(String messageRole, String content) {
        RecordedMessages messages = inputMessages();
        if (messages != null) {
            messages.text(messageRole, content);
        }
        return this;
    }

    @Override
    public LlmSpan inputToolCall(String callId, String toolName, String arguments) {
        RecordedMessages messages = inputMessages();
        if (messages != null) {
            messages.toolCall(callId, toolName, arguments);
        }
        return this;
    }

    @Override
    public LlmSpan inputToolResult(String callId, String result) {
        RecordedMessages messages = inputMessages();
        if (messages != null) {
            messages.toolResult(callId, result);
        }
        return this;
    }

    @Override
    public LlmSpan outputMessage(String messageRole, String content) {
        RecordedMessages messages = outputMessages();
        if (messages != null) {
            messages.text(messageRole, content);
        }
        return this;
    }

    @Override
    public LlmSpan outputToolCall(String callId, String toolName, String arguments) {
        RecordedMessages messages = outputMessages();
        if (messages != null) {
            messages.toolCall(callId, toolName, arguments);
        }
        return this;
    }

    /** The prompt's messages, null when nothing is recorded or content capture is off. */
    private RecordedMessages inputMessages() {
        if (!recording() || !tracer.captureContent()) {
            return null;
        }
        GenAiRecording recorded = genAi();
        if (recorded.inputMessages == null) {
            recorded.inputMessages = new RecordedMessages(MAX_INPUT);
        }
        return recorded.inputMessages;
    }

    private RecordedMessages outputMessages() {
        if (!recording() || !tracer.captureContent()) {
            return null;
        }
        GenAiRecording recorded = genAi();
        if (recorded.outputMessages == null) {
            recorded.outputMessages = new RecordedMessages(MAX_OUTPUT);
        }
        return recorded.outputMessages;
    }

    @Override
    public Scope makeCurrent() {
        return tracer.withSpan(this);
    }

    @Override
    public LlmSpan keepTrace() {
        LocalTrace shared = localTraceCreated();
        if (shared != null) {
            shared.requestKeep();
        }
        return this;
    }

    @Override
    public LlmSpan detach() {
        tracer.detach(this);
        return this;
    }

    @Override
    public TraceContext context() {
        return TraceContext.of(traceIdHigh, traceIdLow, spanId, promoted ? traceFlags | TraceContext.FLAG_SAMPLED
                : traceFlags, traceState);
    }

    @Override
    public void end() {
        if (!ENDED.compareAndSet(this, 0, 1)) {
            return;
        }
        endNanoTime = tracer.clock().nanoTime();
        tracer.restoreCurrent(this);
        try {
            tracer.processor().onEnd(this);
        } catch (RuntimeException e) {
            tracer.internalError(e);
        }
    }

    @Override
    public SpanRole role() {
        return role;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public boolean isError() {
        return statusCode == SpanData.STATUS_ERROR;
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public String responseModel() {
        return genAi == null ? null : genAi.responseModel;
    }

    @Override
    public long inputTokens() {
        return genAi == null ? -1 : genAi.inputTokens;
    }

    @Override
    public long outputTokens() {
        return genAi == null ? -1 : genAi.outputTokens;
    }

    @Override
    public long durationNanos() {
        return endNanoTime - startNanoTime;
    }

    @Override
    public long startEpochNanos() {
        return tracer.clock().epochNanos(startNanoTime);
    }

    @Override
    public long endEpochNanos() {
        return tracer.clock().epochNanos(endNanoTime);
    }

    @Override
    public boolean isObserved() {
        return observed;
    }

    @Override
    public boolean isLocalRoot() {
        return localRoot;
    }

    @Override
    public LocalTrace localTrace() {
        if (!localRoot) {
            return inherited;
        }
        LocalTrace current = trace;
        return current == ENDED_ALONE ? null : current;
    }

    @Override
    public HeadDecision headDecision() {
        return head;
    }

    @Override
    public LocalTrace openLocalTrace() {
        return observed ? sharedTrace() : null;
    }

    @Override
    public void markKept() {
        if (localRoot) {
            promoted = true;
        }
    }

    @Override
    public LocalTrace closeLocalTrace(Object stateForLaterSpans) {
        if (!localRoot || !observed) {
            return localTrace();
        }
        stateAfterEnd = stateForLaterSpans;
        return TRACE.compareAndSet(this, null, ENDED_ALONE) ? null : localTrace();
    }

    @Override
    public SpanData toSpanData() {
        GenAiRecording recorded = genAi;
        GenAiData data = null;
        if (role == SpanRole.LLM || role == SpanRole.TOOL || (recorded != null && recorded.hasGenAiData())) {
            data = (recorded == null ? new GenAiRecording() : recorded).freeze();
        }
        return new SpanData(traceIdHigh, traceIdLow, spanId, parentSpanId, name, kind, role, subject, detail,
                // the span has ended: its attributes and events are not written any more, the ended span takes them
                startEpochNanos(), endEpochNanos(), attributes, events == null ? List.of() : events,
                statusCode, statusMessage, errorType, recorded == null ? null : recorded.input,
                recorded == null ? null : recorded.output, data, localTrace(), traceState);
    }

    static String cap(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max) + "…[truncated]";
    }
}
