package ai.automagik.tracing.export;

import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.otlp.OtlpProtocol;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.spi.SendGuard;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds every destination the same way, telemetry and observability alike: a bounded {@link Pipeline} of the
 * layer's own items, whose worker maps each batch to OTLP spans ({@code mapping}: the conventions, the
 * telemetry allowlist), encodes it and sends it with an {@link HttpSender} inside the destination's circuit
 * breaker; counters, circuit state and recent payloads come with it.
 */
public final class DestinationFactory {

    /** Smaller bodies gain too little from gzip to pay for it. */
    private static final int GZIP_ABOVE_BYTES = 1024;

    private final TracingConfig config;
    private final ThreadFactory threads;
    private final RecentPayloads recent;

    public DestinationFactory(TracingConfig config, ThreadFactory threads, RecentPayloads recent) {
        this.config = config;
        this.threads = threads;
        this.recent = recent;
    }

    /** A destination sending OTLP/HTTP JSON to {@code endpoint}. */
    public <E> Destination<E> create(String name, URI endpoint, Map<String, String> headers, SendGuard guard,
            Supplier<Resource> resource, Function<List<E>, List<EncodableSpan>> mapping, SendGate gate, boolean debug) {
        return create(name, endpoint, OtlpProtocol.HTTP_JSON, headers, guard, resource, mapping, gate, debug);
    }

    /** A destination sending OTLP/HTTP to {@code endpoint} in {@code protocol}'s encoding. */
    public <E> Destination<E> create(String name, URI endpoint, OtlpProtocol protocol, Map<String, String> headers,
            SendGuard guard, Supplier<Resource> resource, Function<List<E>, List<EncodableSpan>> mapping, SendGate gate,
            boolean debug) {
        HttpSender sender = new HttpSender(new SenderSettings(endpoint, headers,
                Duration.ofMillis(Math.min(config.exportTimeoutMs(), 5000)), Duration.ofMillis(config.exportTimeoutMs()),
                config.exportMaxAttempts(), Duration.ofMillis(config.exportMaxRetryDelayMs()),
                config.exportCompressed() ? GZIP_ABOVE_BYTES : 0, protocol));
        CircuitStateTracker circuit = new CircuitStateTracker(guard.failureThreshold(), guard.openDelay(),
                Clock.systemUTC());
        OtlpHttpExporter exporter = new OtlpHttpExporter(name, resource, sender, guard, circuit, debug, recent);
        return new Destination<>(name, endpoint, pipeline(name, batch -> exporter.export(mapping.apply(batch)), gate),
                circuit, sender);
    }

    /**
     * A destination handing mapped batches to {@code exporter} instead of HTTP (benchmarks, tests), with the
     * same pipeline and accounting.
     */
    public <E> Destination<E> create(String name, BatchExporter<EncodableSpan> exporter,
            Function<List<E>, List<EncodableSpan>> mapping, SendGate gate) {
        return new Destination<>(name, URI.create("local:" + name), pipeline(name,
                batch -> exporter.export(mapping.apply(batch)), gate),
                new CircuitStateTracker(Integer.MAX_VALUE, Duration.ofSeconds(60), Clock.systemUTC()), () -> { });
    }

    private <E> Pipeline<E> pipeline(String name, BatchExporter<E> exporter, SendGate gate) {
        PipelineSettings settings = new PipelineSettings(name, config.queueSize(), config.batchSize(),
                Duration.ofMillis(config.batchTimeoutMs()), config.workers(), Duration.ofMillis(config.shutdownTimeoutMs()));
        return new Pipeline<>(settings, exporter, gate, threads);
    }
}
