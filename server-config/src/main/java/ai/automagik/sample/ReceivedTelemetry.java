package ai.automagik.sample;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the embedded OTLP receiver has received: counts, and the last payloads up to {@value #KEEP} of
 * them and {@value #KEEP_CHARS} characters in all, so that whoever can post cannot make it hold more.
 */
@ApplicationScoped
public class ReceivedTelemetry {

    static final int KEEP = 50;
    static final int KEEP_CHARS = 16 * 1024 * 1024;

    /** One request as received; {@code json} has been parsed once and is known to be one JSON object. */
    public record Payload(Instant at, int spans, String json) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();
    private final Deque<Payload> recent = new ArrayDeque<>();
    private long keptChars;

    public void add(int spanCount, String json) {
        requests.incrementAndGet();
        spans.addAndGet(spanCount);
        if (json.length() > KEEP_CHARS) {
            return;
        }
        synchronized (recent) {
            while (recent.size() >= KEEP || keptChars + json.length() > KEEP_CHARS) {
                keptChars -= recent.removeFirst().json().length();
            }
            recent.addLast(new Payload(Instant.now(), spanCount, json));
            keptChars += json.length();
        }
    }

    public long requests() {
        return requests.get();
    }

    public long spans() {
        return spans.get();
    }

    /** Characters of JSON kept for {@link #recent()}, at most {@value #KEEP_CHARS}. */
    public long keptChars() {
        synchronized (recent) {
            return keptChars;
        }
    }

    /** Newest first. */
    public List<Payload> recent() {
        synchronized (recent) {
            List<Payload> copy = new ArrayList<>(recent);
            Collections.reverse(copy);
            return copy;
        }
    }
}
