package ai.automagik.tracing.privacy;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.otlp.SpanEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Masks keys, tokens and credentials found by value in what observability providers receive: prompts and
 * completions, tool arguments and results, error messages. Ordinary text (names, e-mail addresses, numbers)
 * is the user's own content in their own account and stays; only the secret rules of the {@link Sanitizer}
 * run, so a private key pasted into a prompt, a JWT in a tool result or {@code https://user:pass@host} in an
 * error never leaves. Runs on export workers, off the application's threads.
 */
public final class CapturedContent {

    /** Span attributes that carry captured content. */
    public static final Set<String> CONTENT_KEYS = Set.of("gen_ai.input.messages", "gen_ai.output.messages",
            "gen_ai.system_instructions", "gen_ai.tool.definitions", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "gen_ai.retrieval.query.text",
            "gen_ai.retrieval.documents", "gen_ai.evaluation.explanation");
    private static final String EXCEPTION_MESSAGE = "exception.message";
    /** An event's attributes whose secrets are masked: exception messages and content (an evaluation's explanation). */
    private static final Set<String> EVENT_CONTENT_KEYS = union(CONTENT_KEYS, EXCEPTION_MESSAGE);

    private static final Sanitizer SECRETS = Sanitizer.secrets();

    private CapturedContent() {
    }

    /** Secrets in {@code text} masked; null stays null. */
    public static String scrub(String text) {
        return SECRETS.scrub(text);
    }

    /** The spans with secrets masked in their content; a span with nothing to mask is returned as it is. */
    public static List<OtlpSpan> scrubbed(List<OtlpSpan> spans) {
        List<OtlpSpan> result = null;
        for (int i = 0; i < spans.size(); i++) {
            OtlpSpan span = spans.get(i);
            OtlpSpan clean = scrubbed(span);
            if (clean != span && result == null) {
                result = new ArrayList<>(spans);
            }
            if (result != null) {
                result.set(i, clean);
            }
        }
        return result == null ? spans : result;
    }

    private static Set<String> union(Set<String> keys, String key) {
        java.util.Set<String> all = new java.util.HashSet<>(keys);
        all.add(key);
        return Set.copyOf(all);
    }

    /**
     * The span with secrets masked in its content attributes, status message and exception messages: a new
     * span when anything changed (the ended span is shared by every destination and never modified).
     */
    public static OtlpSpan scrubbed(OtlpSpan span) {
        Attributes attributes = scrubbed(span.attributes(), CONTENT_KEYS);
        String statusMessage = scrub(span.statusMessage());
        List<SpanEvent> events = span.events();
        List<SpanEvent> cleanEvents = null;
        for (int i = 0; i < events.size(); i++) {
            SpanEvent event = events.get(i);
            Attributes cleanAttributes = scrubbed(event.attributes(), EVENT_CONTENT_KEYS);
            if (cleanAttributes != event.attributes()) {
                if (cleanEvents == null) {
                    cleanEvents = new ArrayList<>(events);
                }
                cleanEvents.set(i, new SpanEvent(event.name(), event.epochNanos(), cleanAttributes));
            }
        }
        if (attributes == span.attributes() && sameText(statusMessage, span.statusMessage()) && cleanEvents == null) {
            return span;
        }
        return new OtlpSpan(span.traceIdHigh(), span.traceIdLow(), span.spanId(), span.parentSpanId(), span.name(),
                span.kind(), span.startEpochNanos(), span.endEpochNanos(), attributes,
                cleanEvents == null ? events : List.copyOf(cleanEvents), span.statusCode(), statusMessage,
                span.traceState());
    }

    /**
     * Whether a span with these attributes, events and status message has any text {@link #scrubbed(OtlpSpan)}
     * would look at; when not, the span can be sent as it is.
     */
    public static boolean holdsContent(Attributes attributes, List<SpanEvent> events, String statusMessage) {
        if (statusMessage != null || holdsAny(attributes, CONTENT_KEYS)) {
            return true;
        }
        for (int i = 0; i < events.size(); i++) {
            if (holdsAny(events.get(i).attributes(), EVENT_CONTENT_KEYS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAny(Attributes attributes, Set<String> keys) {
        if (attributes == null) {
            return false;
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (keys.contains(attributes.key(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code attributes}, or a copy with secrets masked in the string values of {@code keys}. */
    private static Attributes scrubbed(Attributes attributes, Set<String> keys) {
        if (attributes == null) {
            return null;
        }
        Attributes copy = null;
        for (int i = 0; i < attributes.size(); i++) {
            if (keys.contains(attributes.key(i)) && attributes.value(i) instanceof String text) {
                String clean = scrub(text);
                if (!sameText(clean, text)) {
                    if (copy == null) {
                        copy = attributes.copy();
                    }
                    copy.put(attributes.key(i), clean);
                }
            }
        }
        return copy == null ? attributes : copy;
    }

    private static boolean sameText(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
