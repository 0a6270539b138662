package ai.automagik.tracing.spi;

import java.util.Optional;

/**
 * The application's configuration as providers read it: MicroProfile Config in a container (environment
 * variables, system properties, {@code microprofile-config.properties}), or what was given to
 * {@code TracingManager.builder()}. Names are property names ({@code langwatch.api.key}); the product's own
 * keys are validated before any provider is asked.
 */
@FunctionalInterface
public interface Settings {

    /** The value of {@code property}, empty when it is not set. */
    Optional<String> get(String property);
}
