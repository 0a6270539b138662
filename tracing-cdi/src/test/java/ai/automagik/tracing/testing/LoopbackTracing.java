package ai.automagik.tracing.testing;

import ai.automagik.tracing.TracingManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tracing runtime that sends telemetry to one loopback receiver and full traces (OTLP provider) to
 * another, keeps every trace, enables tracing although CI is set, and keeps its state under {@code home}.
 * As a JUnit extension ({@code @RegisterExtension final LoopbackTracing loopback = LoopbackTracing.perTest();})
 * it has a temporary home of its own and stops everything, home included, after each test.
 */
public final class LoopbackTracing implements AutoCloseable, AfterEachCallback {

    public final LoopbackReceiver telemetry = LoopbackReceiver.start();
    public final LoopbackReceiver collector = LoopbackReceiver.start();
    private final Path home;
    private final boolean ownHome;
    private TracingManager tracing;

    public LoopbackTracing(Path home) {
        this(home, false);
    }

    private LoopbackTracing(Path home, boolean ownHome) {
        this.home = home;
        this.ownHome = ownHome;
    }

    /** One for each test, with a temporary home deleted after it. */
    public static LoopbackTracing perTest() {
        try {
            return new LoopbackTracing(Files.createTempDirectory("automagik-loopback-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
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
        if (ownHome) {
            deleteHome();
        }
    }

    private void deleteHome() {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
