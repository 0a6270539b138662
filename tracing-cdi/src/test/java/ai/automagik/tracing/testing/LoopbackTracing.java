package ai.automagik.tracing.testing;

import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A tracing runtime that sends telemetry to one loopback receiver and full traces (OTLP provider) to
 * another, keeps every trace, enables tracing although CI is set, and keeps its state under {@code home}.
 */
public final class LoopbackTracing implements AutoCloseable {

    public final LoopbackReceiver telemetry = LoopbackReceiver.start();
    public final LoopbackReceiver collector = LoopbackReceiver.start();
    private final Path home;
    private TracingManager tracing;

    public LoopbackTracing(Path home) {
        this.home = home;
    }

    /** Starts the runtime with these settings (environment or property names) on top of the loopback ones. */
    public TracingManager start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "AUTOMAGIK_TELEMETRY_ENDPOINT", telemetry.uri("/v1/traces").toString(),
                "AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString(),
                "AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_SAMPLING_RATE", "1.0",
                "AUTOMAGIK_SAMPLING_MAX_PER_SECOND", "1000",
                "AUTOMAGIK_TAIL_SAMPLING_MAX_PER_SECOND", "1000",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "20"));
        config.putAll(extra);
        tracing = TracingManager.builder().settings(config).build();
        return tracing;
    }

    @Override
    public void close() {
        if (tracing != null) {
            tracing.shutdown();
        }
        telemetry.close();
        collector.close();
    }
}
