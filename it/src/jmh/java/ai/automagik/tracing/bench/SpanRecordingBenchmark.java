package ai.automagik.tracing.bench;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.BatchExporter;
import ai.automagik.tracing.export.ExportOutcome;
import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.provider.ObservabilityLayer;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.TelemetrySink;
import ai.automagik.tracing.trace.TraceSink;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recording one span on the caller's thread: our {@code Tracer} (observability on, every trace kept,
 * a no-op exporter behind the real pipeline) against the OpenTelemetry SDK (a {@code BatchSpanProcessor}
 * with a no-op exporter), with the same queue size, batch size and delay; plus the cost with tracing off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanRecordingBenchmark {

    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"};

    private ObservabilityLayer layer;
    private DefaultTracer automagik;
    private DefaultTracer off;
    private SdkTracerProvider otelProvider;
    private io.opentelemetry.api.trace.Tracer otel;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TracingConfig config = TracingConfig.fromMap(Map.of(
                "AUTOMAGIK_HOME", Files.createTempDirectory("automagik-bench").toString(),
                "AUTOMAGIK_SAMPLING_RATE", "1.0",
                "AUTOMAGIK_SAMPLING_MAX_PER_SECOND", "1000000",
                "AUTOMAGIK_TRACE_QUEUE_SIZE", "2048",
                "AUTOMAGIK_TRACE_BATCH_SIZE", "512",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "5000",
                "AUTOMAGIK_TRACE_WORKERS", "1"));
        BatchExporter<SpanData> noop = batch -> ExportOutcome.success(batch.size());
        layer = ObservabilityLayer.withExporters(config, Map.of("noop", noop), null);
        automagik = new DefaultTracer(TelemetrySink.OFF, layer);
        off = new DefaultTracer(TelemetrySink.OFF, TraceSink.OFF);
        otelProvider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new NoopExporter()).build()).build();
        otel = otelProvider.get("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("\nautomagik pipeline: " + layer.metrics().get(0).pipeline());
        layer.close();
        otelProvider.shutdown().join(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public void emptySpanAutomagik() {
        automagik.startSpan("span").end();
    }

    @Benchmark
    public void emptySpanOpenTelemetry() {
        otel.spanBuilder("span").startSpan().end();
    }

    @Benchmark
    public void tenAttributesAndEventAutomagik() {
        Span span = automagik.startSpan("span");
        for (int i = 0; i < KEYS.length; i++) {
            span.setAttribute(KEYS[i], "value");
        }
        span.addEvent("event");
        span.end();
    }

    @Benchmark
    public void tenAttributesAndEventOpenTelemetry() {
        io.opentelemetry.api.trace.Span span = otel.spanBuilder("span").startSpan();
        for (int i = 0; i < KEYS.length; i++) {
            span.setAttribute(KEYS[i], "value");
        }
        span.addEvent("event");
        span.end();
    }

    @Benchmark
    public void tracingOffAutomagik() {
        off.startSpan("span").end();
    }

    @Benchmark
    public void plainCallBaseline(Blackhole blackhole) {
        blackhole.consume("span");
    }

    /** The peer's no-op exporter. */
    static final class NoopExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

}
