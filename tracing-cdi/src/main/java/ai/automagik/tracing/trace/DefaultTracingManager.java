package ai.automagik.tracing.trace;

import ai.automagik.tracing.MetricsSnapshot;
import ai.automagik.tracing.ObservabilityProvider;
import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.metrics.GenAiMetrics;
import ai.automagik.tracing.otel.OpenTelemetryBridge;
import ai.automagik.tracing.export.RecentPayloads;
import ai.automagik.tracing.export.SendGuard;
import ai.automagik.tracing.otlp.SpanData;
import ai.automagik.tracing.privacy.AnonymousId;
import ai.automagik.tracing.privacy.CapturedContent;
import ai.automagik.tracing.privacy.FirstStartNotice;
import ai.automagik.tracing.privacy.OptOutPolicy;
import ai.automagik.tracing.privacy.OptOutState;
import ai.automagik.tracing.provider.Destination;
import ai.automagik.tracing.provider.ObservabilityLayer;
import ai.automagik.tracing.provider.TelemetryLayer;
import ai.automagik.tracing.provider.TestEventStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The plain-Java runtime behind {@link TracingManager}; the CDI layer wraps one of these. */
public final class DefaultTracingManager implements TracingManager {

    private static final Logger LOG = Logger.getLogger(TracingManager.class.getName());

    private final TracingConfig config;
    // created on the first start with telemetry on, or when telemetry first sends: never with the kill switch
    private volatile String anonymousId;
    private final String sessionId = UUID.randomUUID().toString();
    private final RecentPayloads recentPayloads = new RecentPayloads(20, 64 * 1024);
    private final TelemetryLayer telemetry;
    private final ObservabilityLayer observability;
    private final DefaultTracer tracer;
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    public DefaultTracingManager(TracingConfig config, SendGuard telemetryGuard, List<ObservabilityProvider> providers,
            ThreadFactory threads) {
        this.config = config;
        OptOutPolicy optOut = new OptOutPolicy(config.disableAllTracing(), config.telemetryEnabled(),
                config.enableTracingInCi(), name -> config.lookup().value(name), config.home());
        this.telemetry = new TelemetryLayer(config, optOut, this::createdAnonymousId, sessionId,
                telemetryGuard, threads, recentPayloads);
        this.observability = new ObservabilityLayer(config, providers, threads, recentPayloads);
        this.observability.setAllowed(telemetry.state().tracingEnabled());
        this.tracer = new DefaultTracer(telemetry, observability, contextBridge(config));
        ThreadFactory factory = threads == null ? Thread::new : threads;
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = factory.newThread(task);
            thread.setName("automagik-tracing-opt-out-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshOptOut, 1, 1, TimeUnit.SECONDS);
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
            FirstStartNotice.logOnce(config.stateDir(), config.telemetryEndpoint().toString(), LOG);
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

    @Override
    public TracingConfig config() {
        return config;
    }

    @Override
    public Tracer tracer() {
        return tracer;
    }

    /** The tracer with the extra operations this product's own modules use (detach, server spans). */
    @Override
    public GenAiMetrics genAiMetrics() {
        return tracer.genAiMetrics();
    }

    public DefaultTracer defaultTracer() {
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
                sessionId, tracerMetrics, providers, observability.samplingDecisions());
    }

    @Override
    public String sendTestEvent() {
        return telemetry.recordTestEvent(System.currentTimeMillis() * 1_000_000L);
    }

    /** How the test event {@code id} (from {@link #sendTestEvent()}) is doing; empty when not remembered. */
    public Optional<TestEventStatus> testEventStatus(String id) {
        return telemetry.testEventStatus(id);
    }

    /** The last observability traces the sampler kept, newest first, secrets in their content masked. */
    public List<List<SpanData>> recentTraces() {
        List<List<SpanData>> traces = new ArrayList<>();
        for (List<SpanData> trace : observability.recentTraces().list()) {
            traces.add(CapturedContent.scrubbed(trace));
        }
        return traces;
    }

    /** Whether any observability provider (LangWatch, OTLP, an application's own) is configured. */
    public boolean observabilityConfigured() {
        return observability.configured();
    }

    /** The last payloads sent (or logged in debug mode), newest first, exactly as they left. */
    public List<RecentPayloads.Payload> recentPayloads() {
        return recentPayloads.list();
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
        LOG.info(() -> "Automagik Tracing stopped for service '" + config.serviceName() + "': "
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
