package ai.automagik.tracing.provider;

import ai.automagik.tracing.ObservabilityProvider;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.BatchExporter;
import ai.automagik.tracing.export.CircuitStateTracker;
import ai.automagik.tracing.export.HttpSender;
import ai.automagik.tracing.export.OtlpHttpExporter;
import ai.automagik.tracing.export.Pipeline;
import ai.automagik.tracing.export.PipelineSettings;
import ai.automagik.tracing.export.RecentPayloads;
import ai.automagik.tracing.export.SendGuard;
import ai.automagik.tracing.export.SenderSettings;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.OtlpJsonEncoder;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.privacy.CapturedContent;
import ai.automagik.tracing.sampling.Decision;
import ai.automagik.tracing.sampling.TailSampler;
import ai.automagik.tracing.sampling.TraceBuffer;
import ai.automagik.tracing.trace.TraceIdentity;
import ai.automagik.tracing.trace.TraceSink;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The detailed-trace layer: buffers each local trace until its root ends, asks the tail sampler, and
 * sends kept traces to every configured provider (LangWatch, a generic OTLP endpoint), each through
 * its own pipeline and circuit breaker.
 */
public final class ObservabilityLayer implements TraceSink, AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ObservabilityLayer.class.getName());
    static final int MAX_SPANS_PER_TRACE = 1000;
    static final int MAX_OPEN_TRACES = 10_000;
    // under load the console's recent-traces view is a sample: at most one trace per interval, so that
    // threads ending traces at millions per second do not all write to the same ring
    private static final long RECENT_TRACE_INTERVAL_NANOS = 100_000;

    private final boolean captureContent;
    private final TailSampler sampler;
    private final List<Destination<SpanData>> destinations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<HttpSender> senders = new ArrayList<>();
    private final RecentTraces recentTraces = new RecentTraces(20, 200);
    private volatile boolean allowed = true;
    private volatile long recentTraceAt = Long.MIN_VALUE / 2;

    /** A layer sending to every enabled provider (a provider whose name was taken already is skipped). */
    public ObservabilityLayer(TracingConfig config, List<ObservabilityProvider> providers, ThreadFactory threads,
            RecentPayloads recent) {
        this(config);
        Resource resource = resource(config);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ObservabilityProvider provider : providers) {
            if (!config.observabilityEnabled() || !provider.enabled(config)) {
                continue;
            }
            if (!names.add(provider.name())) {
                LOG.warning(() -> "Two observability providers are named '" + provider.name() + "'; using the first");
                continue;
            }
            destinations.add(destination(provider, config, resource, threads, recent));
        }
    }

    private ObservabilityLayer(TracingConfig config) {
        this.captureContent = config.captureContent();
        this.sampler = new TailSampler(config.samplingRate(), config.errorSamplingRate(), config.slowThresholdMs(),
                config.samplingMaxPerSecond(), config.tailSamplingMaxPerSecond(), MAX_OPEN_TRACES);
    }

    /**
     * A layer whose destinations use the given exporters instead of HTTP (benchmarks, tests, or an
     * application's own exporter), with the same pipelines, sampling and accounting.
     */
    public static ObservabilityLayer withExporters(TracingConfig config, Map<String, BatchExporter<SpanData>> exporters,
            ThreadFactory threads) {
        ObservabilityLayer layer = new ObservabilityLayer(config);
        exporters.forEach((name, exporter) -> layer.destinations.add(new Destination<>(name, URI.create("local:" + name),
                layer.pipeline(name, config, exporter, threads),
                new CircuitStateTracker(Integer.MAX_VALUE, Duration.ofSeconds(60), Clock.systemUTC()))));
        return layer;
    }

    private static Resource resource(TracingConfig config) {
        Attributes attributes = new Attributes();
        attributes.put("service.name", config.serviceName());
        attributes.put("service.version", config.serviceVersion());
        attributes.put("telemetry.sdk.name", TracingVersion.SDK_NAME);
        attributes.put("telemetry.sdk.version", TracingVersion.VERSION);
        attributes.put("telemetry.sdk.language", "java");
        return new Resource(attributes, TracingVersion.SCOPE_NAME, TracingVersion.VERSION);
    }

    private Pipeline<SpanData> pipeline(String name, TracingConfig config, BatchExporter<SpanData> exporter,
            ThreadFactory threads) {
        PipelineSettings settings = new PipelineSettings(name, config.queueSize(), config.batchSize(),
                Duration.ofMillis(config.batchTimeoutMs()), config.workers(),
                Duration.ofMillis(config.shutdownTimeoutMs()));
        // secrets in captured content are masked here, on the export worker, not on the application's thread
        BatchExporter<SpanData> scrubbing = batch -> exporter.export(CapturedContent.scrubbed(batch));
        return new Pipeline<>(settings, scrubbing, () -> allowed ? null : "tracing disabled", threads);
    }

    private Destination<SpanData> destination(ObservabilityProvider provider, TracingConfig config,
            Resource resource, ThreadFactory threads, RecentPayloads recent) {
        String name = provider.name();
        URI endpoint = provider.endpoint(config);
        SendGuard guard = provider.guard();
        HttpSender sender = new HttpSender(new SenderSettings(endpoint, provider.headers(config),
                Duration.ofMillis(Math.min(config.exportTimeoutMs(), 5000)), Duration.ofMillis(config.exportTimeoutMs()),
                config.exportMaxAttempts(), Duration.ofMillis(config.exportMaxRetryDelayMs()), 1024));
        senders.add(sender);
        CircuitStateTracker circuit = new CircuitStateTracker(guard.failureThreshold(), guard.openDelay(),
                Clock.systemUTC());
        OtlpHttpExporter exporter = new OtlpHttpExporter(name, () -> resource, new OtlpJsonEncoder(), sender, guard,
                circuit, false, recent);
        return new Destination<>(name, endpoint, pipeline(name, config, exporter, threads), circuit);
    }

    /** Follows the opt-out rules that switch off both layers (kill switch, {@code ~/.automagik-no-tracing}). */
    public void setAllowed(boolean value) {
        allowed = value;
    }

    @Override
    public boolean enabled() {
        return allowed && !destinations.isEmpty();
    }

    public boolean configured() {
        return !destinations.isEmpty();
    }

    @Override
    public boolean captureContent() {
        return captureContent;
    }

    @Override
    public TraceBuffer openTrace() {
        return sampler.tryOpen() ? new TraceBuffer(MAX_SPANS_PER_TRACE) : null;
    }

    @Override
    public Decision rootEnded(SpanData root, TraceBuffer buffer) {
        Decision decision = sampler.decide(root, buffer);
        List<SpanData> children = buffer == null ? List.of() : buffer.decide(decision);
        if (!decision.keep()) {
            return decision;
        }
        List<SpanData> spans;
        if (children.isEmpty()) {
            spans = List.of(root);
        } else {
            TraceIdentity.copyFromRoot(root, children);
            children.add(root);
            spans = children;
        }
        long endedAt = root.endEpochNanos();
        if (endedAt - recentTraceAt >= RECENT_TRACE_INTERVAL_NANOS) {
            recentTraceAt = endedAt;
            recentTraces.add(spans);
        }
        for (Destination<SpanData> destination : destinations) {
            for (SpanData span : spans) {
                destination.pipeline().offer(span);
            }
        }
        return decision;
    }

    @Override
    public void lateSpan(SpanData span, Decision decision) {
        if (decision.keep()) {
            for (Destination<SpanData> destination : destinations) {
                destination.pipeline().offer(span);
            }
        }
    }

    /** The last traces the sampler kept (whether or not their export succeeded). */
    public RecentTraces recentTraces() {
        return recentTraces;
    }

    public Map<String, Long> samplingDecisions() {
        return sampler.counts();
    }

    public List<ProviderMetrics> metrics() {
        List<ProviderMetrics> metrics = new ArrayList<>();
        for (Destination<SpanData> destination : destinations) {
            metrics.add(destination.metrics());
        }
        return metrics;
    }

    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (Destination<SpanData> destination : destinations) {
            all &= destination.pipeline().flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }

    @Override
    public void close() {
        for (Destination<SpanData> destination : destinations) {
            destination.pipeline().shutdown();
        }
        senders.forEach(HttpSender::close);
    }

    Map<String, Destination<SpanData>> destinationsByName() {
        Map<String, Destination<SpanData>> byName = new LinkedHashMap<>();
        destinations.forEach(d -> byName.put(d.name(), d));
        return byName;
    }
}
