package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.ObservabilityProvider;
import ai.automagik.tracing.config.TracingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;

/** An application's own provider, discovered as a CDI bean; on when {@code test.custom.collector} is set. */
@ApplicationScoped
public class CustomCollectorProvider implements ObservabilityProvider {

    @Override
    public String name() {
        return "custom";
    }

    @Override
    public boolean enabled(TracingConfig config) {
        return config.lookup().value("test.custom.collector").isPresent();
    }

    @Override
    public URI endpoint(TracingConfig config) {
        return URI.create(config.lookup().value("test.custom.collector").orElseThrow());
    }

    @Override
    public Map<String, String> headers(TracingConfig config) {
        return Map.of("x-custom", "yes");
    }
}
