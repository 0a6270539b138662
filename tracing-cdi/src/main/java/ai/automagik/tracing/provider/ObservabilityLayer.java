package ai.automagik.tracing.provider;

import ai.automagik.tracing.ProviderMetrics;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.conventions.OtlpSpanMapper;
import ai.automagik.tracing.export.BatchExporter;
import ai.automagik.tracing.export.Destination;
import ai.automagik.tracing.export.DestinationFactory;
import ai.automagik.tracing.otlp.OtlpProtocol;
import ai.automagik.tracing.export.SendGate;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.TracingVersion;
import ai.automagik.tracing.sampling.KeptTraces;
import ai.automagik.tracing.spi.ObservabilityProvider;
import ai.automagik.tracing.spi.Settings;
import ai.automagik.tracing.trace.ObservabilityState;
import ai.automagik.tracing.trace.SpanData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The detailed-trace layer: one destination per enabled provider (LangWatch, a generic OTLP endpoint, an
 * application's own), each with its own pipeline, circuit breaker and counters; kept traces are offered to
 * every one of them, and each maps them with the GenAI conventions and its own on its export worker.
 */
public final class ObservabilityLayer implements ObservabilityState, KeptTraces, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ObservabilityLayer.class.getName());

    private final boolean captureContent;
    private final List<Destination<SpanData>> destinations = new CopyOnWriteArrayList<>();
    private volatile boolean allowed = true;

    /** A layer sending to every enabled provider (a provider whose name was taken already is skipped). */
    public ObservabilityLayer(TracingConfig config, List<ObservabilityProvider> providers, DestinationFactory factory) {
        this.captureContent = config.captureContent();
        Resource resource = resource(config);
        Settings settings = property -> config.lookup().value(property);
        Set<String> names = new HashSet<>();
        for (ObservabilityProvider provider : providers) {
            if (!config.observabilityEnabled() || !provider.enabled(settings)) {
                continue;
            }
            if (!names.add(provider.name())) {
                LOG.warning(() -> "Two observability providers are named '" + provider.name() + "'; using the first");
                continue;
            }
            OtlpProtocol protocol = OtlpProtocol.fromSetting(provider.protocol(settings)).orElseThrow(() ->
                    new IllegalArgumentException("observability provider '" + provider.name()
                            + "' asks for an OTLP protocol other than http/json and http/protobuf"));
            destinations.add(factory.create(provider.name(), provider.endpoint(settings), protocol,
                    provider.headers(settings), provider.guard(), () -> resource,
                    new OtlpSpanMapper(provider.convention()), gate(), false));
        }
    }

    /**
     * A layer whose destinations hand their mapped batches to the given exporters instead of HTTP
     * (benchmarks, tests), with the same pipelines and accounting.
     */
    public ObservabilityLayer(TracingConfig config, Map<String, BatchExporter<EncodableSpan>> exporters,
            DestinationFactory factory) {
        this.captureContent = config.captureContent();
        exporters.forEach((name, exporter) -> destinations.add(factory.create(name, exporter,
                new OtlpSpanMapper(null), gate())));
    }

    private SendGate gate() {
        return () -> allowed ? null : "tracing disabled";
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
    public void kept(List<SpanData> trace) {
        for (Destination<SpanData> destination : destinations) {
            for (SpanData span : trace) {
                destination.pipeline().offer(span);
            }
        }
    }

    @Override
    public void late(SpanData span) {
        for (Destination<SpanData> destination : destinations) {
            destination.pipeline().offer(span);
        }
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
            destination.shutdown();
        }
    }
}
