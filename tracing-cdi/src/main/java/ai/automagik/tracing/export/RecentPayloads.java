package ai.automagik.tracing.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last few payloads exactly as they left (or would have left) the server, for operators to audit. */
public final class RecentPayloads {

    /** One request body with when it was made and how it ended. */
    public record Payload(Instant at, String destination, String json, String outcome) {
    }

    private final int capacity;
    private final int maxChars;
    private final Deque<Payload> payloads = new ArrayDeque<>();

    public RecentPayloads(int capacity, int maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** Keeps the start of a UTF-8 JSON body: only what is shown is decoded (bodies reach megabytes). */
    public void add(String destination, byte[] body, int length, String outcome) {
        String shown = length <= maxChars ? new String(body, 0, length, StandardCharsets.UTF_8)
                : new String(body, 0, maxChars, StandardCharsets.UTF_8) + "…[truncated]";
        synchronized (payloads) {
            if (payloads.size() == capacity) {
                payloads.removeFirst();
            }
            payloads.addLast(new Payload(Instant.now(), destination, shown, outcome));
        }
    }

    /** Newest first. */
    public List<Payload> list() {
        synchronized (payloads) {
            List<Payload> copy = new ArrayList<>(payloads);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }
}
