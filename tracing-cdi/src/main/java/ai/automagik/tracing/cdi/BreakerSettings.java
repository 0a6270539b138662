package ai.automagik.tracing.cdi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A circuit breaker's effective threshold and delay as MicroProfile Fault Tolerance applies them: the
 * annotation's values unless overridden by {@code <class>/<method>/CircuitBreaker/<name>}, then
 * {@code <class>/CircuitBreaker/<name>}, then {@code CircuitBreaker/<name>}. Used to show the state.
 */
final class BreakerSettings {

    private BreakerSettings() {
    }

    static int threshold(Class<?> bean, int annotated) {
        return value(bean, "requestVolumeThreshold").map(Integer::parseInt).orElse(annotated);
    }

    static Duration delay(Class<?> bean, long annotated, ChronoUnit annotatedUnit) {
        long amount = value(bean, "delay").map(Long::parseLong).orElse(annotated);
        ChronoUnit unit = value(bean, "delayUnit").map(ChronoUnit::valueOf).orElse(annotatedUnit);
        return Duration.of(amount, unit);
    }

    private static Optional<String> value(Class<?> bean, String name) {
        try {
            Config config = ConfigProvider.getConfig(bean.getClassLoader());
            return config.getOptionalValue(bean.getName() + "/send/CircuitBreaker/" + name, String.class)
                    .or(() -> config.getOptionalValue(bean.getName() + "/CircuitBreaker/" + name, String.class))
                    .or(() -> config.getOptionalValue("CircuitBreaker/" + name, String.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
