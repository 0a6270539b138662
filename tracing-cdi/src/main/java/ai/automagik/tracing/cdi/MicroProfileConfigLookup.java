package ai.automagik.tracing.cdi;

import ai.automagik.tracing.config.ConfigLookup;
import ai.automagik.tracing.config.TracingConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

import java.util.Locale;
import java.util.Optional;

/** Reads configuration through MicroProfile Config and reports which source each value came from. */
final class MicroProfileConfigLookup implements ConfigLookup {

    private final Config config;

    MicroProfileConfigLookup(Config config) {
        this.config = config;
    }

    /** The application's tracing configuration, validated: what {@link TracingRuntime} starts with. */
    static TracingConfig read(ClassLoader applicationLoader) {
        return TracingConfig.from(new MicroProfileConfigLookup(ConfigProvider.getConfig(applicationLoader)));
    }

    @Override
    public Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class);
    }

    @Override
    public String source(String name) {
        ConfigValue value = config.getConfigValue(name);
        if (value == null || value.getValue() == null) {
            return "default";
        }
        String source = value.getSourceName() == null ? "" : value.getSourceName().toLowerCase(Locale.ROOT);
        if (source.contains("env")) {
            return "environment";
        }
        if (source.contains("sys")) {
            return "system property";
        }
        if (source.contains("microprofile-config.properties")) {
            return "file (microprofile-config.properties)";
        }
        return value.getSourceName();
    }
}
