package ai.automagik.sample;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the embedded OTLP receiver has received: counts and the last payloads. */
@ApplicationScoped
public class ReceivedTelemetry {

    static final int KEEP = 50;

    /** One request as received. */
    public record Payload(Instant at, int spans, String json) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();
    private final Deque<Payload> recent = new ArrayDeque<>();

    public void add(int spanCount, String json) {
        requests.incrementAndGet();
        spans.addAndGet(spanCount);
        synchronized (recent) {
            if (recent.size() == KEEP) {
                recent.removeFirst();
            }
            recent.addLast(new Payload(Instant.now(), spanCount, json));
        }
    }

    public long requests() {
        return requests.get();
    }

    public long spans() {
        return spans.get();
    }

    /** Newest first. */
    public List<Payload> recent() {
        synchronized (recent) {
            List<Payload> copy = new ArrayList<>(recent);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }
}
