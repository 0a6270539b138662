package ai.automagik.tracing.diagnostics;

import java.time.Instant;

/**
 * Where one {@code test.event} is on its way out.
 *
 * @param detail why it was dropped or failed, or where it was delivered
 */
public record TestEventStatus(String id, State state, String detail, Instant updatedAt) {

    public enum State {
        /** Waiting in the queue or being sent. */
        QUEUED,
        /** Acknowledged by the collector with a 2xx. */
        DELIVERED,
        /** Refused by the collector or undeliverable (error, open circuit, timeout). */
        FAILED,
        /** Never sent because of local policy (opted out, queue full, shut down). */
        DROPPED
    }
}
