package ai.automagik.tracing.trace;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What the spans of one local trace (a local root and the spans started under it in this process) share:
 * who and which conversation it belongs to, whether any of its spans failed, and the state the sampling
 * processor keeps for it. Created on first use: most traces are a lone root that needs none of it. Every
 * span of the trace, from any thread, may write it; it is read when the trace is exported.
 */
public final class LocalTrace {

    private static final int MAX_ID = 256;

    private volatile String conversationId;
    private volatile String userId;
    private volatile String sessionId;
    private volatile boolean error;
    private volatile boolean keepRequested;
    private volatile String samplingReason;
    private volatile boolean samplingKeep;
    private volatile boolean samplingPartial;
    private final AtomicReference<Object> samplingState;

    LocalTrace() {
        this(null);
    }

    /** For spans started under a local root that had ended alone: the sampling state it ended with. */
    LocalTrace(Object samplingState) {
        this.samplingState = new AtomicReference<>(samplingState);
    }

    void conversation(String id) {
        if (id != null && !id.isBlank()) {
            conversationId = RecordingSpan.cap(id, MAX_ID);
        }
    }

    void user(String id) {
        if (id != null && !id.isBlank()) {
            userId = RecordingSpan.cap(id, MAX_ID);
        }
    }

    void session(String id) {
        if (id != null && !id.isBlank()) {
            sessionId = RecordingSpan.cap(id, MAX_ID);
        }
    }

    void markError() {
        if (!error) {
            error = true;
        }
    }

    public String conversationId() {
        return conversationId;
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Whether any span of the trace recorded an error, also one still open when its root ended. */
    public boolean hasError() {
        return error;
    }

    void requestKeep() {
        keepRequested = true;
    }

    /** Whether a span of the trace asked for it to be kept (a service it called kept its part). */
    public boolean keepRequested() {
        return keepRequested;
    }

    /** Records the sampling verdict the trace's spans are exported with (partial traces, collector mode). */
    public void verdict(String reason, boolean keep, boolean partial) {
        samplingKeep = keep;
        samplingPartial = partial;
        samplingReason = reason;
    }

    /** The sampling verdict's reason, null when the trace carries none. */
    public String samplingReason() {
        return samplingReason;
    }

    public boolean samplingKeep() {
        return samplingKeep;
    }

    public boolean samplingPartial() {
        return samplingPartial;
    }

    /** The sampling processor's own state for this trace (its buffer, or its decision); opaque to the trace. */
    public AtomicReference<Object> samplingState() {
        return samplingState;
    }
}
