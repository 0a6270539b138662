package ai.automagik.tracing.bench;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.BatchExporter;
import ai.automagik.tracing.export.ExportOutcome;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.trace.ContextBridge;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.ObservabilityState;
import ai.automagik.tracing.trace.SpanProcessor;
import ai.automagik.tracing.trace.TelemetrySink;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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

    /** Queue capacity of both pipelines: the peer's default 2048, or ours (10000) with {@code -p queueSize=10000}. */
    @Param("2048")
    public int queueSize;

    private DefaultTracingManager manager;
    private DefaultTracer automagik;
    private DefaultTracer off;
    private SdkTracerProvider otelProvider;
    private io.opentelemetry.api.trace.Tracer otel;
    private NoopExporter otelExporter;
    private InMemoryMetricReader otelMetrics;
    private SdkMeterProvider otelMeters;
    private final DropTally ours = new DropTally();
    private StateDirectory home;
    private final DropTally peer = new DropTally();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        home = new StateDirectory();
        TracingConfig config = TracingConfig.fromMap(Map.of(
                "AUTOMAGIK_HOME", home.path(),
                "AUTOMAGIK_SAMPLING_RATE", "1.0",
                "AUTOMAGIK_SAMPLING_MAX_PER_SECOND", "1000000000",
                "AUTOMAGIK_TRACE_QUEUE_SIZE", String.valueOf(queueSize),
                "AUTOMAGIK_TRACE_BATCH_SIZE", "512",
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "5000",
                "AUTOMAGIK_TRACE_WORKERS", "1",
                "AUTOMAGIK_TELEMETRY_ENABLED", "false",
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true"));
        BatchExporter<EncodableSpan> noop = batch -> ExportOutcome.success(batch.size());
        manager = DefaultTracingManager.withExporters(config, Map.of("noop", noop), null);
        automagik = (DefaultTracer) manager.tracer();
        off = new DefaultTracer(TelemetrySink.OFF, ObservabilityState.OFF, SpanProcessor.NONE, ContextBridge.NONE,
                Clock.SYSTEM);
        otelExporter = new NoopExporter();
        otelMetrics = InMemoryMetricReader.create();
        otelMeters = SdkMeterProvider.builder().registerMetricReader(otelMetrics).build();
        // the peer's batch size (512) and delay (5 s) are its defaults; its own metrics count what it drops
        otelProvider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(otelExporter).setMaxQueueSize(queueSize)
                        .setMeterProvider(otelMeters).build()).build();
        otel = otelProvider.get("bench");
    }

    /** Drops are counted in measurement iterations only: warm-up includes JIT compilation on the same cores. */
    @Setup(Level.Iteration)
    public void startIteration() {
        ours.start(ourQueued(), ourDropped());
        peer.start(otelExporter.exported.sum() + otelDropped(), otelDropped());
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            ours.end(ourQueued(), ourDropped());
            peer.end(otelExporter.exported.sum() + otelDropped(), otelDropped());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("\nautomagik pipeline: " + noopPipeline() + "; sampling " + manager.metrics().sampling());
        System.out.println("drops in measurement iterations: automagik " + ours + "; OpenTelemetry SDK " + peer);
        manager.shutdown();
        otelProvider.shutdown().join(10, TimeUnit.SECONDS);
        otelMeters.close();
        home.close();
    }

    private PipelineMetrics noopPipeline() {
        return manager.metrics().providers().stream().filter(p -> p.name().equals("noop")).findFirst().orElseThrow()
                .pipeline();
    }

    private long ourQueued() {
        return noopPipeline().queued();
    }

    private long ourDropped() {
        return noopPipeline().dropped();
    }

    /** The peer's dropped-span count from its own processor metrics (points marked dropped or with an error type). */
    private long otelDropped() {
        long dropped = 0;
        for (MetricData metric : otelMetrics.collectAllMetrics()) {
            if (metric.getType() != io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_SUM) {
                continue;
            }
            for (LongPointData point : metric.getLongSumData().getPoints()) {
                String attributes = point.getAttributes().toString();
                if (attributes.contains("dropped=true") || attributes.contains("error.type")) {
                    dropped += point.getValue();
                }
            }
        }
        return dropped;
    }

    /** Spans offered and dropped across measurement iterations. */
    static final class DropTally {
        private long offeredAtStart;
        private long droppedAtStart;
        private long offered;
        private long dropped;

        void start(long offeredNow, long droppedNow) {
            offeredAtStart = offeredNow;
            droppedAtStart = droppedNow;
        }

        void end(long offeredNow, long droppedNow) {
            offered += offeredNow - offeredAtStart;
            dropped += droppedNow - droppedAtStart;
        }

        @Override
        public String toString() {
            return offered == 0 ? "n/a" : String.format("%d of %d (%.3f %%)", dropped, offered, 100.0 * dropped / offered);
        }
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
        final LongAdder exported = new LongAdder();

        @Override
        public CompletableResultCode export(Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
            exported.add(spans.size());
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
