package ai.automagik.tracing.export;

import ai.automagik.tracing.diagnostics.RecentPayload;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** The last few payloads exactly as they left (or would have left) the server, for operators to audit. */
public final class RecentPayloads {

    private final int capacity;
    private final int maxChars;
    private final Deque<RecentPayload> payloads = new ArrayDeque<>();

    public RecentPayloads(int capacity, int maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** Keeps a copy of the start of a body (bodies reach megabytes; decoding waits for a reader). */
    public void add(String destination, String contentType, byte[] body, int length, String outcome) {
        byte[] start = Arrays.copyOf(body, Math.min(length, maxChars));
        RecentPayload payload = new RecentPayload(Instant.now(), destination, contentType, start, length > maxChars,
                outcome);
        synchronized (payloads) {
            if (payloads.size() == capacity) {
                payloads.removeFirst();
            }
            payloads.addLast(payload);
        }
    }

    /** Newest first. */
    public List<RecentPayload> list() {
        synchronized (payloads) {
            List<RecentPayload> copy = new ArrayList<>(payloads);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }
}
