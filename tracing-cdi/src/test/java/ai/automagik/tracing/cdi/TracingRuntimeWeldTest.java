package ai.automagik.tracing.cdi;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.export.CircuitStateTracker;
import ai.automagik.tracing.export.OtlpHttpExporter;
import ai.automagik.tracing.testing.LoopbackReceiver;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDI wiring under Weld SE with real MicroProfile Config and Fault Tolerance, sending to a loopback receiver. */
class TracingRuntimeWeldTest {

    @TempDir
    Path home;

    private LoopbackReceiver receiver;
    private WeldContainer container;
    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void startReceiver() {
        receiver = LoopbackReceiver.start();
        set("automagik.telemetry.endpoint", receiver.uri("/v1/traces").toString());
        set("automagik.home", home.toString());
        set("automagik.enable.tracing.in.ci", "true");
        set("automagik.trace.batch.timeout.ms", "50");
        set("automagik.export.timeout.ms", "1000");
        set("automagik.export.max.attempts", "1");
    }

    @AfterEach
    void stopEverything() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        receiver.close();
        properties.keySet().forEach(System::clearProperty);
        releaseConfig();
    }

    private void set(String key, String value) {
        properties.put(key, value);
        System.setProperty(key, value);
    }

    private static void releaseConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private WeldContainer boot() {
        releaseConfig();
        container = new Weld().initialize();
        return container;
    }

    private static void assertBalanced(PipelineMetrics m) {
        assertThat(m.queued()).as("accounting invariant: %s", m)
                .isEqualTo(m.processed() + m.dropped() + m.failed() + m.queueSize() + m.inFlight());
    }

    @Test
    void injectedTracerSendsOtlpJsonToTheEndpoint() {
        WeldContainer weld = boot();
        Tracer tracer = weld.select(Tracer.class).get();
        TracingManager tracing = weld.select(TracingManager.class).get();
        try (Span run = tracer.startAgentRun("simple", "weld-test")) {
            run.setAttribute("ignored.in.telemetry", "value");
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        String bodies = String.join("\n", receiver.requests().stream()
                .map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList());
        assertThat(bodies).contains("\"resourceSpans\"").contains("\"agent.run\"").contains("\"system.startup\"")
                .contains("\"event.agent_name\"").doesNotContain("ignored.in.telemetry");
        assertThat(receiver.requests()).allSatisfy(r ->
                assertThat(r.headers().get("content-type")).isEqualTo("application/json"));
        MetricsSnapshot metrics = tracing.metrics();
        assertThat(metrics.telemetryEnabled()).isTrue();
        assertThat(metrics.tracer().processed()).isEqualTo(2);
        assertBalanced(metrics.tracer());
        assertThat(tracing.anonymousId()).matches("[0-9a-f]{16}");
    }

    @Test
    void serverErrorsOpenTheFaultToleranceCircuitBreakerAndCountersStayExact() {
        receiver.setBehaviour(LoopbackReceiver.Behaviour.status(500));
        WeldContainer weld = boot();
        TracingManager tracing = weld.select(TracingManager.class).get();
        tracing.flush(Duration.ofSeconds(10));
        for (int i = 0; i < 7; i++) {
            tracing.sendTestEvent();
            tracing.flush(Duration.ofSeconds(10));
        }
        MetricsSnapshot metrics = tracing.metrics();
        PipelineMetrics pipeline = metrics.tracer();
        assertThat(pipeline.processed()).isZero();
        assertThat(pipeline.failed()).isEqualTo(8);
        assertThat(pipeline.failedByReason()).containsEntry("HTTP 500", 5L)
                .containsEntry(OtlpHttpExporter.FAILED_CIRCUIT_OPEN, 3L);
        assertThat(receiver.requests()).hasSize(5);
        assertBalanced(pipeline);
        ProviderMetrics telemetry = metrics.providers().get(0);
        assertThat(telemetry.name()).isEqualTo("telemetry");
        assertThat(telemetry.circuitState()).isEqualTo(CircuitStateTracker.OPEN);
    }

    @Test
    void sendingResumesAfterTheHalfOpenDelayConfiguredWithStandardFaultToleranceKeys() throws InterruptedException {
        set("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delay", "400");
        set("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delayUnit", "MILLIS");
        receiver.setBehaviour(LoopbackReceiver.Behaviour.status(503));
        WeldContainer weld = boot();
        TracingManager tracing = weld.select(TracingManager.class).get();
        tracing.flush(Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            tracing.sendTestEvent();
            tracing.flush(Duration.ofSeconds(10));
        }
        assertThat(tracing.metrics().providers().get(0).circuitState()).isEqualTo(CircuitStateTracker.OPEN);
        assertThat(tracing.metrics().tracer().failedByReason()).containsKey(OtlpHttpExporter.FAILED_CIRCUIT_OPEN);

        receiver.setBehaviour(LoopbackReceiver.Behaviour.ok());
        Thread.sleep(600);
        assertThat(tracing.metrics().providers().get(0).circuitState()).isEqualTo(CircuitStateTracker.HALF_OPEN);
        tracing.sendTestEvent();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        MetricsSnapshot metrics = tracing.metrics();
        assertThat(metrics.tracer().processed()).isEqualTo(1);
        assertThat(metrics.providers().get(0).circuitState()).isEqualTo(CircuitStateTracker.CLOSED);
        assertBalanced(metrics.tracer());
    }

    @Test
    void aCollectorAnswering429NeverOpensTheBreakerAndItsRetryAfterIsHonoured() throws InterruptedException {
        receiver.setBehaviour(LoopbackReceiver.Behaviour.status(429, Map.of("Retry-After", "1")));
        WeldContainer weld = boot();
        TracingManager tracing = weld.select(TracingManager.class).get();
        tracing.flush(Duration.ofSeconds(10));
        for (int i = 0; i < 6; i++) {
            tracing.sendTestEvent();
            tracing.flush(Duration.ofSeconds(10));
        }
        MetricsSnapshot throttled = tracing.metrics();
        assertThat(throttled.providers().get(0).circuitState()).isEqualTo(CircuitStateTracker.CLOSED);
        assertThat(throttled.tracer().failedByReason()).containsEntry(OtlpHttpExporter.FAILED_THROTTLED, 7L)
                .doesNotContainKey(OtlpHttpExporter.FAILED_CIRCUIT_OPEN);
        assertThat(receiver.requests()).hasSize(7);
        for (int i = 1; i < receiver.requests().size(); i++) {
            assertThat(Duration.between(receiver.requests().get(i - 1).at(), receiver.requests().get(i).at()))
                    .as("Retry-After: 1 between requests %d and %d", i - 1, i).isGreaterThan(Duration.ofMillis(900));
        }

        receiver.setBehaviour(LoopbackReceiver.Behaviour.ok());
        tracing.sendTestEvent();
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
        MetricsSnapshot after = tracing.metrics();
        assertThat(after.tracer().processed()).as("delivered as soon as the collector accepts again").isEqualTo(1);
        assertBalanced(after.tracer());
    }

    @Test
    void theBreakerOverridesTheDocsShowMeanWhatTheDocsSay() throws Exception {
        java.util.regex.Pattern documented = java.util.regex.Pattern.compile(
                "`(ai\\.automagik\\.tracing\\.cdi\\.(\\w+)/send/CircuitBreaker/delay)=(\\d+)`[^.\n]*?(\\d+) (s|seconds|minutes)\\b");
        int checked = 0;
        for (Path doc : docs()) {
            java.util.regex.Matcher match = documented.matcher(java.nio.file.Files.readString(doc));
            while (match.find()) {
                set(match.group(1), match.group(3));
                WeldContainer weld = boot();
                Class<?> breaker = Class.forName("ai.automagik.tracing.cdi." + match.group(2));
                Duration said = match.group(5).startsWith("min") ? Duration.ofMinutes(Long.parseLong(match.group(4)))
                        : Duration.ofSeconds(Long.parseLong(match.group(4)));
                assertThat(((ai.automagik.tracing.spi.SendGuard) weld.select(breaker).get()).openDelay())
                        .as("%s in %s", match.group(), doc).isEqualTo(said);
                container.shutdown();
                System.clearProperty(match.group(1));
                properties.remove(match.group(1));
                checked++;
            }
        }
        assertThat(checked).as("documented breaker overrides").isPositive();
    }

    private static java.util.List<Path> docs() throws java.io.IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        java.util.List<Path> docs = new java.util.ArrayList<>(java.util.List.of(root.resolve("README.md")));
        try (var files = java.nio.file.Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }

    @Test
    void aBreakerOpenTimeBeyondAnHourFailsStartNamingTheKey() {
        // delay counts in the annotation's unit (seconds): 60000 meant as milliseconds is 16 hours
        set("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delay", "60000");
        assertThatThrownBy(this::boot).rootCause()
                .hasMessageContaining("ai.automagik.tracing.cdi.TelemetryCircuitBreaker/send/CircuitBreaker/delay")
                .hasMessageContaining("'60000'").hasMessageContaining("at most 60 minutes").hasMessageContaining("SECONDS");
    }

    @Test
    void anApplicationsOwnProviderBeanIsDiscoveredAndGetsItsOwnPipeline() throws InterruptedException {
        try (LoopbackReceiver custom = LoopbackReceiver.start()) {
            set("test.custom.collector", custom.uri("/custom/v1/traces").toString());
            set("automagik.sampling.rate", "1.0");
            WeldContainer weld = boot();
            TracingManager tracing = weld.select(TracingManager.class).get();
            try (Span run = weld.select(Tracer.class).get().startAgentRun("simple", "weld-test")) {
                run.setConversation("thread-1", "user-7");
            }
            tracing.flush(Duration.ofSeconds(10));
            assertThat(custom.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
            LoopbackReceiver.Request request = custom.requests().get(0);
            assertThat(request.path()).isEqualTo("/custom/v1/traces");
            assertThat(request.headers()).containsEntry("x-custom", "yes");
            assertThat(request.bodyText()).contains("\"invoke_agent simple\"").contains("\"gen_ai.conversation.id\"")
                    .contains("\"thread-1\"").contains("\"user.id\"").doesNotContain("langwatch.");
            assertThat(tracing.metrics().providers()).extracting(ProviderMetrics::name).contains("telemetry", "custom");
        }
    }

    /** Observes what an application server's own extension would. */
    public static final class RejectionListener implements jakarta.enterprise.inject.spi.Extension {
        final List<ai.automagik.tracing.diagnostics.ConfigurationRejected> rejected = new CopyOnWriteArrayList<>();

        void rejected(@jakarta.enterprise.event.Observes ai.automagik.tracing.diagnostics.ConfigurationRejected event) {
            rejected.add(event);
        }
    }

    @Test
    void anInvalidValueFailsStartWithOneLineNamingTheKeyTheValueAndTheRangeFirst() {
        set("automagik.trace.queue.size", "-1");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger check = Logger.getLogger(ConfigurationCheck.class.getName());
        check.addHandler(capture);
        RejectionListener listener = new RejectionListener();
        try {
            releaseConfig();
            assertThatThrownBy(() -> container = new Weld().addExtension(listener).initialize())
                    .rootCause()
                    .hasMessageContaining("AUTOMAGIK_TRACE_QUEUE_SIZE")
                    .hasMessageContaining("'-1'")
                    .hasMessageContaining("from 1 to 10000000");
        } finally {
            check.removeHandler(capture);
        }
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).contains("AUTOMAGIK_TRACE_QUEUE_SIZE").contains("'-1'")
                    .contains("from 1 to 10000000").doesNotContain("\n");
            assertThat(record.getThrown()).isNull();
        });
        assertThat(listener.rejected).singleElement().satisfies(event -> {
            assertThat(event.setting()).isEqualTo("AUTOMAGIK_TRACE_QUEUE_SIZE");
            assertThat(event.message()).isEqualTo(logged.get(0).getMessage());
        });
    }

    @Test
    void aSecretInAnInvalidValueIsMaskedInTheLineAndTheEvent() {
        set("automagik.otlp.headers", "authorization=Bearer sk-live-9f8e7d6c5b4a\nx");
        RejectionListener listener = new RejectionListener();
        releaseConfig();
        assertThatThrownBy(() -> container = new Weld().addExtension(listener).initialize())
                .rootCause().hasMessageContaining("AUTOMAGIK_OTLP_HEADERS").hasMessageNotContaining("sk-live-9f8e7d6c5b4a");
        assertThat(listener.rejected).singleElement()
                .satisfies(event -> assertThat(event.message()).doesNotContain("sk-live-9f8e7d6c5b4a"));
    }

    @Test
    void ciIsAnOptOutUnlessTracingIsEnabledInCi() {
        set("automagik.enable.tracing.in.ci", "false");
        set("CI", "true");
        WeldContainer weld = boot();
        TracingManager tracing = weld.select(TracingManager.class).get();
        weld.select(Tracer.class).get().startAgentRun("simple", "weld-test").end();
        tracing.flush(Duration.ofSeconds(5));
        assertThat(tracing.telemetryEnabled()).isFalse();
        assertThat(tracing.metrics().telemetryDisabledReason()).contains("CI");
        assertThat(receiver.requests()).isEmpty();
    }
}
