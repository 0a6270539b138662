package ai.automagik.tracing.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where raw configuration text comes from: MicroProfile Config in a container, a map in tests.
 * Also answers plain environment names such as {@code DO_NOT_TRACK} and {@code CI}.
 */
public interface ConfigLookup {

    Optional<String> value(String name);

    /** Where the value of {@code name} came from, for operators; {@code default} when absent. */
    default String source(String name) {
        return value(name).isPresent() ? "configured" : "default";
    }

    /** A lookup over a fixed map (tests, programmatic use), falling back to nothing else. */
    static ConfigLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigLookup() {
            @Override
            public Optional<String> value(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String source(String name) {
                return copy.containsKey(name) ? "programmatic" : "default";
            }
        };
    }

    /** The process environment and system properties, as MicroProfile Config would see them. */
    static ConfigLookup systemEnvironment() {
        return new ConfigLookup() {
            @Override
            public Optional<String> value(String name) {
                String property = System.getProperty(name);
                if (property != null) {
                    return Optional.of(property);
                }
                String env = System.getenv(name);
                if (env == null) {
                    env = System.getenv(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT));
                }
                return Optional.ofNullable(env);
            }

            @Override
            public String source(String name) {
                return System.getProperty(name) != null ? "system property"
                        : value(name).isPresent() ? "environment" : "default";
            }
        };
    }
}
