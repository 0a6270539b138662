package ai.automagik.tracing.bench;

import ai.automagik.tracing.export.CircuitStateTracker;
import ai.automagik.tracing.export.ExportOutcome;
import ai.automagik.tracing.export.HttpSender;
import ai.automagik.tracing.export.OtlpHttpExporter;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.export.SenderSettings;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.ConstantAttributes;
import ai.automagik.tracing.otlp.OtlpProtocol;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.OtlpSpan;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Export throughput: the same 512 spans (10 attributes each) encoded and delivered to a loopback HTTP
 * receiver, by our exporter (OTLP/HTTP JSON, HttpURLConnection) and by OpenTelemetry's
 * {@code OtlpHttpSpanExporter} (protobuf, JDK sender). Scores are spans per second. CPU per span is
 * the process's CPU time in measurement iterations minus the receiver's threads, over the spans sent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExportThroughputBenchmark {

    static final int BATCH = 512;
    /** Our default batch size (AUTOMAGIK_TRACE_BATCH_SIZE), at which telemetry events leave. */
    static final int TELEMETRY_BATCH = 50;

    @Param({"none", "gzip"})
    public String compression;

    private HttpServer receiver;
    private ExecutorService receiverThreads;
    private HttpSender sender;
    private HttpSender protobufSender;
    private OtlpHttpExporter automagik;
    private OtlpHttpExporter automagikProtobuf;
    private OtlpHttpSpanExporter otel;
    private List<EncodableSpan> ourSpans;
    private List<io.opentelemetry.sdk.trace.data.SpanData> otelSpans;
    private List<EncodableSpan> ourEvents;
    private List<io.opentelemetry.sdk.trace.data.SpanData> otelEvents;
    private Resource resource;
    private final ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean processCpu =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // added to by every benchmark thread (-t 2: two exporting threads, as the product's two export workers)
    private final LongAdder spansSent = new LongAdder();
    private long iterationSpans;
    private long iterationProcessCpu;
    private long iterationReceiverCpu;
    private long measuredSpans;
    private long measuredClientCpu;
    private long measuredReceiverCpu;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger receiverThreadCount = new AtomicInteger();
        receiverThreads = Executors.newFixedThreadPool(2,
                task -> new Thread(task, "bench-receiver-" + receiverThreadCount.incrementAndGet()));
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        URI endpoint = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces");

        boolean gzip = compression.equals("gzip");
        sender = new HttpSender(new SenderSettings(endpoint, java.util.Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ZERO, gzip ? 1024 : 0));
        protobufSender = new HttpSender(new SenderSettings(endpoint, java.util.Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ZERO, gzip ? 1024 : 0, OtlpProtocol.HTTP_PROTOBUF));
        Attributes resourceAttributes = new Attributes();
        resourceAttributes.put("service.name", "bench");
        resource = new Resource(resourceAttributes, "bench", "1.0");
        automagik = new OtlpHttpExporter("bench", () -> resource, sender, SendGuard.DIRECT,
                new CircuitStateTracker(Integer.MAX_VALUE, Duration.ofMinutes(1), Clock.systemUTC()), false, null);
        automagikProtobuf = new OtlpHttpExporter("bench", () -> resource, protobufSender, SendGuard.DIRECT,
                new CircuitStateTracker(Integer.MAX_VALUE, Duration.ofMinutes(1), Clock.systemUTC()), false, null);
        otel = OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).setCompression(gzip ? "gzip" : "none")
                .build();

        telemetryEvents(System.currentTimeMillis() * 1_000_000L);
        ourSpans = new ArrayList<>(BATCH);
        otelSpans = new ArrayList<>(BATCH);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < BATCH; i++) {
            long high = random.nextLong();
            long low = random.nextLong() | 1;
            long id = random.nextLong() | 1;
            Attributes attributes = new Attributes();
            AttributesBuilder otelAttributes = io.opentelemetry.api.common.Attributes.builder();
            for (int a = 0; a < 10; a++) {
                attributes.put("attribute.key." + a, "value number " + a);
                otelAttributes.put("attribute.key." + a, "value number " + a);
            }
            ourSpans.add(new OtlpSpan(high, low, id, 0, "span " + i, OtlpSpan.KIND_INTERNAL, now, now + 1000,
                    attributes, List.of(), OtlpSpan.STATUS_OK, null));
            otelSpans.add(TestSpanData.builder().setName("span " + i).setKind(SpanKind.INTERNAL)
                    .setSpanContext(SpanContext.create(String.format("%016x%016x", high, low), String.format("%016x", id),
                            TraceFlags.getSampled(), TraceState.getDefault()))
                    .setStartEpochNanos(now).setEndEpochNanos(now + 1000).setHasEnded(true)
                    .setAttributes(otelAttributes.build()).setStatus(StatusData.ok()).setTotalAttributeCount(10)
                    .build());
        }
    }

    /**
     * Telemetry events as the product sends them: an {@code api.request} event's own attributes and the system
     * description every event carries ({@link ConstantAttributes}, encoded once); the peer sends spans with the same
     * nine attributes.
     */
    private void telemetryEvents(long now) {
        ConstantAttributes system = new ConstantAttributes(new Attributes().put("system.os", "Linux")
                .put("system.os_version", "6.1.0-28-cloud-amd64").put("system.java_version", "17.0.13")
                .put("system.architecture", "amd64").put("system.is_container", true));
        ourEvents = new ArrayList<>(TELEMETRY_BATCH);
        otelEvents = new ArrayList<>(BATCH);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < BATCH; i++) {
            long high = random.nextLong();
            long low = random.nextLong() | 1;
            long id = random.nextLong() | 1;
            Attributes event = new Attributes().put("event.method", "GET").put("event.route", "/api/demo/echo/{word}")
                    .put("event.status_code", 200L).put("event.duration_ms", 0.412 + i % 7);
            if (i < TELEMETRY_BATCH) {
                ourEvents.add(new OtlpSpan(high, low, id, 0, "api.request", OtlpSpan.KIND_INTERNAL, now, now + 412_000,
                        event, List.of(), OtlpSpan.STATUS_OK, null, "", system));
            }
            AttributesBuilder otelAttributes = io.opentelemetry.api.common.Attributes.builder();
            event.forEach((key, value) -> putOtel(otelAttributes, key, value));
            system.attributes().forEach((key, value) -> putOtel(otelAttributes, key, value));
            otelEvents.add(TestSpanData.builder().setName("api.request").setKind(SpanKind.INTERNAL)
                    .setSpanContext(SpanContext.create(String.format("%016x%016x", high, low), String.format("%016x", id),
                            TraceFlags.getSampled(), TraceState.getDefault()))
                    .setStartEpochNanos(now).setEndEpochNanos(now + 412_000).setHasEnded(true)
                    .setAttributes(otelAttributes.build()).setStatus(StatusData.ok()).setTotalAttributeCount(9).build());
        }
    }

    private static void putOtel(AttributesBuilder builder, String key, Object value) {
        if (value instanceof Long l) {
            builder.put(key, l);
        } else if (value instanceof Double d) {
            builder.put(key, d);
        } else if (value instanceof Boolean b) {
            builder.put(key, b);
        } else {
            builder.put(key, String.valueOf(value));
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationSpans = spansSent.sum();
        iterationProcessCpu = processCpu.getProcessCpuTime();
        iterationReceiverCpu = receiverCpu();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            long receiver = receiverCpu() - iterationReceiverCpu;
            measuredReceiverCpu += receiver;
            measuredClientCpu += processCpu.getProcessCpuTime() - iterationProcessCpu - receiver;
            measuredSpans += spansSent.sum() - iterationSpans;
        }
    }

    /** CPU time of the receiver's threads: its handler pool and the JDK server's dispatcher. */
    private long receiverCpu() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("bench-receiver-") || name.startsWith("HTTP-Dispatcher")) {
                total += Math.max(0, threadCpu.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (measuredSpans > 0) {
            System.out.printf("%ncpu per span (compression %s): sender side %.2f us, receiver %.2f us, over %d spans%n",
                    compression, measuredClientCpu / 1000.0 / measuredSpans, measuredReceiverCpu / 1000.0 / measuredSpans,
                    measuredSpans);
        }
        otel.shutdown().join(10, TimeUnit.SECONDS);
        sender.close();
        protobufSender.close();
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int exportAutomagikJson() {
        ExportOutcome outcome = automagik.export(ourSpans);
        if (outcome.accepted() != BATCH) {
            throw new IllegalStateException("export failed: " + outcome);
        }
        spansSent.add(BATCH);
        return outcome.accepted();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int exportAutomagikProtobuf() {
        ExportOutcome outcome = automagikProtobuf.export(ourSpans);
        if (outcome.accepted() != BATCH) {
            throw new IllegalStateException("export failed: " + outcome);
        }
        spansSent.add(BATCH);
        return outcome.accepted();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public boolean exportOpenTelemetryProtobuf() {
        CompletableResultCode result = otel.export(otelSpans).join(10, TimeUnit.SECONDS);
        if (!result.isSuccess()) {
            throw new IllegalStateException("export failed");
        }
        spansSent.add(BATCH);
        return true;
    }

    @Benchmark
    @OperationsPerInvocation(TELEMETRY_BATCH)
    public int exportAutomagikTelemetryEvents() {
        ExportOutcome outcome = automagik.export(ourEvents);
        if (outcome.accepted() != TELEMETRY_BATCH) {
            throw new IllegalStateException("export failed: " + outcome);
        }
        spansSent.add(TELEMETRY_BATCH);
        return outcome.accepted();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public boolean exportOpenTelemetryTelemetryEvents() {
        CompletableResultCode result = otel.export(otelEvents).join(10, TimeUnit.SECONDS);
        if (!result.isSuccess()) {
            throw new IllegalStateException("export failed");
        }
        spansSent.add(BATCH);
        return true;
    }
}
