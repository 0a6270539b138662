package ai.automagik.tracing.cdi;

import ai.automagik.tracing.config.InvalidConfigurationException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * A circuit breaker's effective threshold and delay as MicroProfile Fault Tolerance applies them: the
 * annotation's values unless overridden by {@code <class>/<method>/CircuitBreaker/<name>}, then
 * {@code <class>/CircuitBreaker/<name>}, then {@code CircuitBreaker/<name>}. Used to show the state, and
 * checked when the application starts: {@code delay} counts in the annotation's unit (seconds here) unless
 * {@code delayUnit} is overridden too, so {@code delay=60000} meant as milliseconds would keep a breaker
 * open for 16 hours; an open time beyond {@link #MAX_DELAY} fails the deployment naming the key.
 */
final class BreakerSettings {

    static final Duration MAX_DELAY = Duration.ofHours(1);
    static final int MAX_THRESHOLD = 1000;

    private BreakerSettings() {
    }

    static int threshold(Class<?> bean, int annotated) {
        Optional<Setting> override = setting(bean, "requestVolumeThreshold");
        if (override.isEmpty()) {
            return annotated;
        }
        try {
            int value = Integer.parseInt(override.get().value().strip());
            if (value >= 1 && value <= MAX_THRESHOLD) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(override.get(), "a whole number from 1 to " + MAX_THRESHOLD);
    }

    static Duration delay(Class<?> bean, long annotated, ChronoUnit annotatedUnit) {
        Optional<Setting> unitOverride = setting(bean, "delayUnit");
        ChronoUnit unit = annotatedUnit;
        if (unitOverride.isPresent()) {
            try {
                unit = ChronoUnit.valueOf(unitOverride.get().value().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(unitOverride.get(), "a java.time.temporal.ChronoUnit name such as MILLIS or SECONDS");
            }
        }
        Optional<Setting> delayOverride = setting(bean, "delay");
        long amount = annotated;
        if (delayOverride.isPresent()) {
            try {
                amount = Long.parseLong(delayOverride.get().value().strip());
            } catch (NumberFormatException e) {
                amount = -1;
            }
        }
        Duration delay;
        try {
            delay = amount < 0 ? null : Duration.of(amount, unit);
        } catch (ArithmeticException | java.time.temporal.UnsupportedTemporalTypeException e) {
            delay = null;
        }
        if (delay == null || delay.compareTo(MAX_DELAY) > 0) {
            Setting blamed = delayOverride.orElse(unitOverride.orElse(null));
            String allowed = "an open time of at most " + MAX_DELAY.toMinutes() + " minutes; delay counts in "
                    + unit.name() + " (the annotation's unit unless …/CircuitBreaker/delayUnit is set)";
            if (blamed == null) {
                throw new IllegalStateException(bean.getName() + ": annotated delay beyond " + MAX_DELAY);
            }
            throw invalid(blamed, allowed);
        }
        return delay;
    }

    /** One override: the name it was found under and its value. */
    private record Setting(String name, String value) {
    }

    private static Optional<Setting> setting(Class<?> bean, String name) {
        Config config;
        try {
            config = ConfigProvider.getConfig(bean.getClassLoader());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        for (String key : new String[] {bean.getName() + "/send/CircuitBreaker/" + name,
            bean.getName() + "/CircuitBreaker/" + name, "CircuitBreaker/" + name}) {
            Optional<String> value = config.getOptionalValue(key, String.class);
            if (value.isPresent()) {
                return Optional.of(new Setting(key, value.get()));
            }
        }
        return Optional.empty();
    }

    private static InvalidConfigurationException invalid(Setting setting, String allowed) {
        return new InvalidConfigurationException(setting.name(), setting.value(), allowed);
    }
}
