package ai.automagik.tracing.trace;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.SpanData;

import java.util.List;

/**
 * Who and which conversation a trace belongs to, shared by every span of one local trace: set on any of
 * its spans, from any thread, it is written on all of them ({@code gen_ai.conversation.id},
 * {@code user.id}, {@code session.id}, and LangWatch's {@code langwatch.thread.id} and
 * {@code langwatch.user.id}). Observability only; telemetry never carries these.
 */
public final class TraceIdentity {

    static final String CONVERSATION = "gen_ai.conversation.id";
    static final String USER = "user.id";
    static final String SESSION = "session.id";
    private static final String LANGWATCH_THREAD = "langwatch.thread.id";
    private static final String LANGWATCH_USER = "langwatch.user.id";
    private static final List<String> KEYS = List.of(CONVERSATION, LANGWATCH_THREAD, USER, LANGWATCH_USER, SESSION);
    private static final int MAX_ID = 256;

    private volatile String conversationId;
    private volatile String userId;
    private volatile String sessionId;

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

    /** Writes what is known so far onto a span's attributes. */
    void applyTo(Attributes attributes) {
        String conversation = conversationId;
        if (conversation != null) {
            attributes.put(CONVERSATION, conversation);
            attributes.put(LANGWATCH_THREAD, conversation);
        }
        String user = userId;
        if (user != null) {
            attributes.put(USER, user);
            attributes.put(LANGWATCH_USER, user);
        }
        String session = sessionId;
        if (session != null) {
            attributes.put(SESSION, session);
        }
    }

    /**
     * Gives the spans of a trace that ended before its identity was known what the root ended with (a
     * root ends last, so it has everything set on the trace).
     */
    public static void copyFromRoot(SpanData root, List<SpanData> spans) {
        Attributes from = root.attributes();
        if (from == null || from.get(CONVERSATION) == null && from.get(USER) == null && from.get(SESSION) == null) {
            return;
        }
        for (SpanData span : spans) {
            if (span == root || span.attributes() == null) {
                continue;
            }
            for (String key : KEYS) {
                Object value = from.get(key);
                if (value != null && span.attributes().get(key) == null) {
                    span.attributes().put(key, value);
                }
            }
        }
    }
}
