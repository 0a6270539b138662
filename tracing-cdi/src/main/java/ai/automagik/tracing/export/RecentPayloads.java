package ai.automagik.tracing.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** The last few payloads exactly as they left (or would have left) the server, for operators to audit. */
public final class RecentPayloads {

    /** One request body with when it was made and how it ended; decoded only when someone looks at it. */
    public record Payload(Instant at, String destination, byte[] start, boolean truncated, String outcome) {

        /** The body as UTF-8 text, cut at the shown maximum. */
        public String json() {
            String text = new String(start, StandardCharsets.UTF_8);
            return truncated ? text + "…[truncated]" : text;
        }
    }

    private final int capacity;
    private final int maxChars;
    private final Deque<Payload> payloads = new ArrayDeque<>();

    public RecentPayloads(int capacity, int maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** Keeps a copy of the start of a UTF-8 JSON body (bodies reach megabytes; decoding waits for a reader). */
    public void add(String destination, byte[] body, int length, String outcome) {
        byte[] start = Arrays.copyOf(body, Math.min(length, maxChars));
        Payload payload = new Payload(Instant.now(), destination, start, length > maxChars, outcome);
        synchronized (payloads) {
            if (payloads.size() == capacity) {
                payloads.removeFirst();
            }
            payloads.addLast(payload);
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
