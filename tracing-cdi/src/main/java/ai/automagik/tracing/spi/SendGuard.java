package ai.automagik.tracing.spi;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Wraps one export request, typically in a MicroProfile Fault Tolerance circuit breaker. An
 * implementation throws {@link ExportFailedException} for an unsuccessful result so the breaker counts
 * it, and lets the breaker's own exception through while it is open.
 */
@FunctionalInterface
public interface SendGuard {

    /** No breaker: every request goes out (programmatic use without a container). */
    SendGuard DIRECT = attempt -> requireSuccess(attempt.get());

    /**
     * Returns a successful result; throws {@link ExportFailedException} for a failed one, so a breaker counts
     * it, and {@link ExportThrottledException} for a 429, which a breaker must not count: a collector that
     * asks for less is working, and an open breaker would lose minutes of events after a few seconds of 429.
     */
    static SendResult requireSuccess(SendResult result) {
        if (result.throttled()) {
            throw new ExportThrottledException(result);
        }
        if (!result.success()) {
            throw new ExportFailedException(result);
        }
        return result;
    }

    SendResult send(Supplier<SendResult> attempt);

    /** Consecutive failed requests after which the breaker opens (as configured, overrides included). */
    default int failureThreshold() {
        return Integer.MAX_VALUE;
    }

    /** How long the breaker stays open before it lets a request through. */
    default Duration openDelay() {
        return Duration.ofSeconds(60);
    }
}
