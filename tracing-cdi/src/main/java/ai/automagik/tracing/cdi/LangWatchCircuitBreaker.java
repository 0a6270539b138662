package ai.automagik.tracing.cdi;

import ai.automagik.tracing.spi.ExportFailedException;
import ai.automagik.tracing.spi.ExportThrottledException;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The MicroProfile Fault Tolerance circuit breaker around every request to the LangWatch: opens after
 * 3 consecutive failed requests, lets one request through after 60 s. Override with the standard
 * keys, e.g. {@code ai.automagik.tracing.cdi.LangWatchCircuitBreaker/send/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class LangWatchCircuitBreaker implements SendGuard {

    @Override
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 60, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = ExportFailedException.class, skipOn = ExportThrottledException.class)
    public SendResult send(Supplier<SendResult> attempt) {
        return SendGuard.requireSuccess(attempt.get());
    }

    @Override
    public int failureThreshold() {
        return BreakerSettings.threshold(LangWatchCircuitBreaker.class, 3);
    }

    @Override
    public Duration openDelay() {
        return BreakerSettings.delay(LangWatchCircuitBreaker.class, 60, ChronoUnit.SECONDS);
    }
}
