package ai.automagik.tracing.runtime;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.conventions.OtlpSpanMapper;
import ai.automagik.tracing.diagnostics.ConfigurationEntry;
import ai.automagik.tracing.diagnostics.ModelCost;
import ai.automagik.tracing.diagnostics.RecentPayload;
import ai.automagik.tracing.diagnostics.RecentSpan;
import ai.automagik.tracing.diagnostics.TestEventStatus;
import ai.automagik.tracing.diagnostics.TracingDiagnostics;
import ai.automagik.tracing.export.BatchExporter;
import ai.automagik.tracing.export.Destination;
import ai.automagik.tracing.export.DestinationFactory;
import ai.automagik.tracing.export.RecentPayloads;
import ai.automagik.tracing.cost.CostProcessor;
import ai.automagik.tracing.metrics.GenAiMetrics;
import ai.automagik.tracing.metrics.GenAiMetricsProcessor;
import ai.automagik.tracing.metrics.PrometheusText;
import ai.automagik.tracing.otel.OpenTelemetryBridge;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.privacy.AnonymousId;
import ai.automagik.tracing.privacy.FirstStartNotice;
import ai.automagik.tracing.privacy.OptOutPolicy;
import ai.automagik.tracing.privacy.OptOutState;
import ai.automagik.tracing.provider.LangWatchProvider;
import ai.automagik.tracing.provider.ObservabilityLayer;
import ai.automagik.tracing.provider.OtlpProvider;
import ai.automagik.tracing.sampling.SamplingProcessor;
import ai.automagik.tracing.sampling.TraceSampler;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.telemetry.TelemetryLayer;
import ai.automagik.tracing.telemetry.TelemetryProcessor;
import ai.automagik.tracing.trace.CompositeSpanProcessor;
import ai.automagik.tracing.trace.ContextBridge;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.SpanData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime behind {@link TracingManager} and its {@link TracingDiagnostics}: wires the tracer, its chain of
 * span processors (GenAI metrics, telemetry events, sampling into the destinations and the recent traces),
 * the telemetry and observability layers and the opt-out rules. The CDI layer wraps one of these; so does
 * {@code TracingManager.builder()}.
 */
public final class DefaultTracingManager implements TracingManager, TracingDiagnostics {

    private static final Logger LOG = Logger.getLogger(TracingManager.class.getName());
    static final int MAX_SPANS_PER_TRACE = 1000;
    static final int MAX_OPEN_TRACES = 10_000;
    // under load the console's recent traces are a sample: at most one trace per 100 us
    private static final long RECENT_TRACE_INTERVAL_NANOS = 100_000;

    private final TracingConfig config;
    // created on the first start with telemetry on, or when telemetry first sends: never with the kill switch
    private volatile String anonymousId;
    private final String sessionId = UUID.randomUUID().toString();
    private final RecentPayloads recentPayloads = new RecentPayloads(20, 64 * 1024);
    private final RecentTraces recentTraces = new RecentTraces(20, 200, RECENT_TRACE_INTERVAL_NANOS);
    private final OtlpSpanMapper shownMapping = new OtlpSpanMapper(null);
    private final GenAiMetrics genAiMetrics = new GenAiMetrics();
    private final TraceSampler sampler;
    private final TelemetryLayer telemetry;
    private final ObservabilityLayer observability;
    private final DefaultTracer tracer;
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    /**
     * @param providers every observability provider to consider; {@link #builtInProviders} are not added here
     */
    public DefaultTracingManager(TracingConfig config, SendGuard telemetryGuard, List<ObservabilityProvider> providers,
            ThreadFactory threads, Clock clock) {
        this(config, telemetryGuard, threads, clock, factory -> new ObservabilityLayer(config, providers, factory));
    }

    /**
     * A runtime whose observability destinations hand their mapped batches to {@code exporters} instead of HTTP
     * (benchmarks, tests), with the same processors, sampling, pipelines and accounting.
     */
    public static DefaultTracingManager withExporters(TracingConfig config, Map<String, BatchExporter<EncodableSpan>> exporters,
            ThreadFactory threads) {
        return new DefaultTracingManager(config, SendGuard.DIRECT, threads, Clock.SYSTEM,
                factory -> new ObservabilityLayer(config, exporters, factory));
    }

    private DefaultTracingManager(TracingConfig config, SendGuard telemetryGuard, ThreadFactory threads, Clock clock,
            java.util.function.Function<DestinationFactory, ObservabilityLayer> observabilityLayer) {
        this.config = config;
        OptOutPolicy optOut = new OptOutPolicy(config.disableAllTracing(), config.telemetryEnabled(),
                config.enableTracingInCi(), name -> config.lookup().value(name), config.home());
        DestinationFactory destinations = new DestinationFactory(config, threads, recentPayloads);
        this.telemetry = new TelemetryLayer(config, optOut, this::createdAnonymousId, sessionId, telemetryGuard,
                destinations);
        this.observability = observabilityLayer.apply(destinations);
        this.observability.setAllowed(telemetry.state().tracingEnabled());
        this.sampler = new TraceSampler(config.samplingRate(), config.errorSamplingRate(), config.slowThresholdMs(),
                config.samplingMaxPerSecond(), config.tailSamplingMaxPerSecond(), MAX_OPEN_TRACES,
                config.collectorSampling());
        this.tracer = new DefaultTracer(telemetry, observability, CompositeSpanProcessor.of(List.of(
                new CostProcessor(config.priceTable()),
                new GenAiMetricsProcessor(genAiMetrics),
                new TelemetryProcessor(telemetry),
                new SamplingProcessor(sampler, MAX_SPANS_PER_TRACE, List.of(observability, recentTraces)))),
                contextBridge(config), clock, sampler);
        ThreadFactory factory = threads == null ? Thread::new : threads;
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = factory.newThread(task);
            thread.setName("automagik-tracing-opt-out-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshOptOut, 1, 1, TimeUnit.SECONDS);
    }

    /** LangWatch and the generic OTLP endpoint, each behind its circuit breaker. */
    public static List<ObservabilityProvider> builtInProviders(TracingConfig config, SendGuard langWatchGuard,
            SendGuard otlpGuard) {
        return List.of(new LangWatchProvider(config, langWatchGuard), new OtlpProvider(config, otlpGuard));
    }

    /** OpenTelemetry's context when its API is present and the bridge is not switched off. */
    private static ContextBridge contextBridge(TracingConfig config) {
        if (!config.otelBridge()) {
            return ContextBridge.NONE;
        }
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, DefaultTracingManager.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return ContextBridge.NONE;
        }
        try {
            return OpenTelemetryBridge.detect();
        } catch (LinkageError e) {
            LOG.log(Level.FINE, "OpenTelemetry API present but not linkable; spans stay on their own", e);
            return ContextBridge.NONE;
        }
    }

    /** Logs the first-start notice (once per state directory) and records {@code system.startup} once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        OptOutState state = telemetry.state();
        if (state.telemetryEnabled()) {
            createdAnonymousId();
            FirstStartNotice.logOnce(config.stateDir(), config.serviceName(), config.telemetryEndpoint().toString(), LOG);
            tracer.recordEvent(TelemetryEvent.systemStartup());
        } else {
            LOG.info(() -> "Automagik telemetry is off: " + state.reason());
        }
    }

    private void refreshOptOut() {
        try {
            OptOutState state = telemetry.refreshState();
            observability.setAllowed(state.tracingEnabled());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not re-read the opt-out rules", e);
        }
    }

    /** The validated configuration this runtime started with. */
    public TracingConfig config() {
        return config;
    }

    @Override
    public Tracer tracer() {
        return tracer;
    }

    /** The stored id, or null when none was created yet (telemetry never on): creates nothing. */
    @Override
    public String anonymousId() {
        String id = anonymousId;
        if (id == null) {
            id = AnonymousId.peek(config.stateDir());
            if (id != null) {
                anonymousId = id;
            }
        }
        return id;
    }

    private String createdAnonymousId() {
        String id = anonymousId;
        if (id == null) {
            synchronized (this) {
                id = anonymousId;
                if (id == null) {
                    id = AnonymousId.loadOrCreate(config.stateDir());
                    anonymousId = id;
                }
            }
        }
        return id;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public boolean telemetryEnabled() {
        return telemetry.state().telemetryEnabled();
    }

    @Override
    public void setTelemetryEnabled(boolean enabled) {
        telemetry.setEnabled(enabled);
        LOG.info(() -> "Automagik telemetry " + (enabled ? "enabled" : "disabled") + " by the runtime toggle"
                + (telemetry.state().telemetryEnabled() == enabled ? "" : "; still " + (telemetry.state()
                        .telemetryEnabled() ? "on" : "off because of: " + telemetry.state().reason())));
    }

    @Override
    public MetricsSnapshot metrics() {
        OptOutState state = telemetry.state();
        PipelineMetrics tracerMetrics = telemetry.started() ? telemetry.destination().pipeline().metrics()
                : PipelineMetrics.EMPTY;
        List<ProviderMetrics> providers = new ArrayList<>();
        if (telemetry.started()) {
            providers.add(telemetry.destination().metrics());
        }
        providers.addAll(observability.metrics());
        return new MetricsSnapshot(Instant.now(), state.telemetryEnabled(), state.reason(),
                observability.enabled(), Destination.withoutCredentials(config.telemetryEndpoint()), anonymousId(),
                sessionId, tracerMetrics, providers, sampler.counts());
    }

    @Override
    public String sendTestEvent() {
        return telemetry.recordTestEvent(System.currentTimeMillis() * 1_000_000L);
    }

    @Override
    public Optional<TestEventStatus> testEventStatus(String id) {
        return telemetry.testEventStatus(id);
    }

    @Override
    public List<List<RecentSpan>> recentTraces() {
        List<List<RecentSpan>> traces = new ArrayList<>();
        for (List<SpanData> trace : recentTraces.list()) {
            List<RecentSpan> shown = new ArrayList<>(trace.size());
            for (SpanData span : trace) {
                shown.add(shown(shownMapping.map(span)));
            }
            traces.add(shown);
        }
        return traces;
    }

    /** A span as destinations receive it (conventions applied, secrets masked), as operators read it. */
    private static RecentSpan shown(EncodableSpan span) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        if (span.attributes() != null) {
            span.attributes().forEach(attributes::put);
        }
        SpanKind kind = SpanKind.INTERNAL;
        for (SpanKind candidate : SpanKind.values()) {
            if (candidate.otlpValue() == span.kind()) {
                kind = candidate;
            }
        }
        return new RecentSpan(traceId(span), TraceContext.hex(span.spanId()),
                span.parentSpanId() == 0 ? null : TraceContext.hex(span.parentSpanId()), span.name(), kind,
                span.startEpochNanos(), span.endEpochNanos(), span.statusCode() == OtlpSpan.STATUS_ERROR, span.statusMessage(),
                attributes);
    }

    private static String traceId(EncodableSpan span) {
        return TraceContext.hex(span.traceIdHigh()) + TraceContext.hex(span.traceIdLow());
    }

    @Override
    public boolean observabilityConfigured() {
        return observability.configured();
    }

    @Override
    public List<RecentPayload> recentPayloads() {
        return recentPayloads.list();
    }

    @Override
    public List<ConfigurationEntry> configuration() {
        return config.entries();
    }

    @Override
    public String prometheusText() {
        return PrometheusText.render(metrics(), genAiMetrics);
    }

    @Override
    public List<ModelCost> modelCosts() {
        return genAiMetrics.costs().entrySet().stream()
                .map(e -> new ModelCost(e.getKey().model(), e.getKey().agent(), e.getValue().calls(), e.getValue().usd()))
                .sorted(java.util.Comparator.comparingDouble(ModelCost::usd).reversed()).toList();
    }

    @Override
    public String priceTableVersion() {
        return config.priceTable().version();
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = !telemetry.started() || telemetry.destination().pipeline().flush(timeout);
        return observability.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && done;
    }

    @Override
    public void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        refresher.shutdownNow();
        Thread observabilityShutdown = new Thread(observability::close, "automagik-tracing-shutdown");
        observabilityShutdown.start();
        telemetry.close();
        try {
            observabilityShutdown.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StopLog.info(LOG, "Automagik Tracing stopped for service '" + config.serviceName() + "': "
                + finalCounters(metrics().providers()));
    }

    /** One line per stop, so an operator can see that every event was settled (and how) after the application is gone. */
    static String finalCounters(List<ProviderMetrics> destinations) {
        if (destinations.isEmpty()) {
            return "nothing was recorded";
        }
        StringBuilder line = new StringBuilder();
        for (ProviderMetrics destination : destinations) {
            PipelineMetrics m = destination.pipeline();
            if (line.length() > 0) {
                line.append("; ");
            }
            line.append(destination.name()).append(" queued=").append(m.queued()).append(" processed=")
                    .append(m.processed()).append(" dropped=").append(m.dropped()).append(" failed=").append(m.failed())
                    .append(" queueSize=").append(m.queueSize()).append(" inFlight=").append(m.inFlight());
            if (!m.failedByReason().isEmpty()) {
                line.append(" failedByReason=").append(m.failedByReason());
            }
        }
        return line.toString();
    }
}
