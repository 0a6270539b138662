package ai.automagik.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample agent API under {@code /api}; the tracing admin API joins it at {@code /api/tracing}. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
