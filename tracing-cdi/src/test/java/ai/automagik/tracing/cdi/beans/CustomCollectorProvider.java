package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.Settings;
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
    public boolean enabled(Settings settings) {
        return settings.get("test.custom.collector").isPresent();
    }

    @Override
    public URI endpoint(Settings settings) {
        return URI.create(settings.get("test.custom.collector").orElseThrow());
    }

    @Override
    public Map<String, String> headers(Settings settings) {
        return Map.of("x-custom", "yes");
    }
}
