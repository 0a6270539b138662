package ai.automagik.tracing.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mirrors a circuit breaker's state from what the exporter observes (MicroProfile Fault Tolerance has
 * no API to read it): open when the breaker refused a call or after {@code threshold} consecutive
 * failures, half-open once the delay has passed, closed after a success.
 */
public final class CircuitStateTracker {

    public static final String CLOSED = "CLOSED";
    public static final String OPEN = "OPEN";
    public static final String HALF_OPEN = "HALF_OPEN";

    private final int threshold;
    private final Duration delay;
    private final Clock clock;
    private String state = CLOSED;
    private Instant changedAt;
    private long consecutiveFailures;

    public CircuitStateTracker(int threshold, Duration delay, Clock clock) {
        this.threshold = threshold;
        this.delay = delay;
        this.clock = clock;
        this.changedAt = clock.instant();
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        move(CLOSED);
    }

    public synchronized void failure() {
        consecutiveFailures++;
        if (consecutiveFailures >= threshold || HALF_OPEN.equals(currentState())) {
            move(OPEN);
        }
    }

    public synchronized void refusedWhileOpen() {
        if (!OPEN.equals(state)) {
            move(OPEN);
        }
    }

    public synchronized String state() {
        return currentState();
    }

    public synchronized Instant changedAt() {
        return changedAt;
    }

    public synchronized long consecutiveFailures() {
        return consecutiveFailures;
    }

    private String currentState() {
        if (OPEN.equals(state) && !clock.instant().isBefore(changedAt.plus(delay))) {
            return HALF_OPEN;
        }
        return state;
    }

    private void move(String next) {
        if (!next.equals(state)) {
            state = next;
            changedAt = clock.instant();
        } else if (OPEN.equals(next)) {
            changedAt = clock.instant();
        }
    }
}
