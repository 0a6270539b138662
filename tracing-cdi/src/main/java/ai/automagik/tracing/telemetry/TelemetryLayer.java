package ai.automagik.tracing.telemetry;

import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.TraceContext;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.diagnostics.TestEventStatus;
import ai.automagik.tracing.export.Destination;
import ai.automagik.tracing.export.DestinationFactory;
import ai.automagik.tracing.export.Pipeline;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.ConstantAttributes;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.TracingVersion;
import ai.automagik.tracing.privacy.OptOutPolicy;
import ai.automagik.tracing.privacy.OptOutState;
import ai.automagik.tracing.privacy.TelemetryAttributePolicy;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.trace.TelemetrySink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The anonymous usage layer: checks the opt-out rules, queues events, and on a worker thread
 * allowlists and scrubs their attributes, adds the system description and sends them as OTLP/HTTP
 * JSON in the original system's envelope. Never sampled. Its pipeline starts on first use.
 */
public final class TelemetryLayer implements TelemetrySink, AutoCloseable {

    public static final String NAME = "telemetry";
    public static final String DROPPED_OPTED_OUT = "opted out";

    private final TracingConfig config;
    private final OptOutPolicy optOut;
    private final TelemetryAttributePolicy policy = TelemetryAttributePolicy.defaults();
    private final ConstantAttributes systemAttributes;
    private final Supplier<String> anonymousId;
    private final String sessionId;
    private volatile Resource resource;
    private final SendGuard guard;
    private final DestinationFactory factory;
    private final TestEvents testEvents = new TestEvents();

    private volatile OptOutState state;
    private volatile Destination<TelemetryRecord> destination;

    /**
     * {@code anonymousId} is asked for when the first batch is sent, so an application that never sends
     * telemetry (opted out, kill switch) never creates the id's file.
     */
    public TelemetryLayer(TracingConfig config, OptOutPolicy optOut, Supplier<String> anonymousId, String sessionId,
            SendGuard guard, DestinationFactory factory) {
        this.config = config;
        this.optOut = optOut;
        this.guard = guard;
        this.factory = factory;
        this.anonymousId = anonymousId;
        this.sessionId = sessionId;
        Attributes system = new Attributes();
        SystemInfo.detect().addTo(system);
        policy.cleanInPlace(system);
        // the same on every event: encoded once, copied into each
        this.systemAttributes = new ConstantAttributes(system);
        refreshState();
    }

    /**
     * The envelope's resource, built once on the first export. What the application configured (service name
     * and version) passes the same rules as event values: an e-mail or home path there must not leave either.
     */
    private Resource resource() {
        Resource current = resource;
        if (current == null) {
            Attributes attributes = new Attributes();
            attributes.put("service.name", config.serviceName());
            attributes.put("service.version", config.serviceVersion());
            policy.cleanInPlace(attributes);
            attributes.put("service.organization", "namastex");
            attributes.put("user.id", anonymousId.get());
            attributes.put("session.id", sessionId);
            attributes.put("telemetry.sdk.name", TracingVersion.SDK_NAME);
            attributes.put("telemetry.sdk.version", TracingVersion.VERSION);
            current = new Resource(attributes, TracingVersion.SCOPE_NAME, TracingVersion.VERSION);
            resource = current;
        }
        return current;
    }

    /** The current opt-out state; {@link #refreshState()} re-reads the rules (the manager does so every second). */
    public OptOutState state() {
        return state;
    }

    public OptOutState refreshState() {
        OptOutState fresh = optOut.evaluate();
        state = fresh;
        return fresh;
    }

    public void setEnabled(boolean enabled) {
        optOut.setTelemetryEnabled(enabled);
        refreshState();
    }

    @Override
    public boolean enabled() {
        return state().telemetryEnabled();
    }

    @Override
    public boolean hasRoom() {
        Destination<TelemetryRecord> current = destination;
        return current == null || !current.pipeline().full();
    }

    @Override
    public void dropForLackOfRoom() {
        destination().pipeline().recordDropped(Pipeline.DROPPED_QUEUE_FULL);
    }

    @Override
    public void record(TelemetryEvent event, long startEpochNanos, long endEpochNanos) {
        destination().pipeline().offer(new TelemetryRecord(event, newSpanId(), startEpochNanos, endEpochNanos));
    }

    /**
     * Queues a {@code test.event} and returns the span id (16 hex digits) it carries; follow it with
     * {@link #testEventStatus(String)}. When telemetry is off or the queue is full it is counted as
     * dropped and its status says why.
     */
    public String recordTestEvent(long epochNanos) {
        long spanId = newSpanId();
        String id = TraceContext.hex(spanId);
        Pipeline<TelemetryRecord> pipeline = destination().pipeline();
        if (!enabled()) {
            pipeline.recordDropped(DROPPED_OPTED_OUT);
            testEvents.dropped(spanId, id, DROPPED_OPTED_OUT + ": " + state().reason());
            return id;
        }
        testEvents.queued(spanId, id);
        if (!pipeline.offer(new TelemetryRecord(TelemetryEvent.testEvent(), spanId, epochNanos, epochNanos))) {
            testEvents.dropped(spanId, id, pipeline.isShutdown() ? Pipeline.DROPPED_SHUT_DOWN : Pipeline.DROPPED_QUEUE_FULL);
        }
        return id;
    }

    public Optional<TestEventStatus> testEventStatus(String id) {
        return testEvents.status(id);
    }

    private static long newSpanId() {
        return ThreadLocalRandom.current().nextLong() | 1;
    }

    public Destination<TelemetryRecord> destination() {
        Destination<TelemetryRecord> current = destination;
        if (current == null) {
            synchronized (this) {
                current = destination;
                if (current == null) {
                    current = createDestination();
                    destination = current;
                }
            }
        }
        return current;
    }

    public boolean started() {
        return destination != null;
    }

    private Destination<TelemetryRecord> createDestination() {
        Destination<TelemetryRecord> created = factory.create(NAME, config.telemetryEndpoint(), Map.of(), guard,
                this::resource, this::toSpans, () -> refreshState().telemetryEnabled() ? null : DROPPED_OPTED_OUT,
                config.telemetryDebug());
        String endpointShown = Destination.withoutCredentials(config.telemetryEndpoint());
        created.pipeline().onSettled((records, outcome) -> testEvents.settled(records, outcome, endpointShown));
        return created;
    }

    /** On the export worker: each event allowlisted and scrubbed, with the system description. */
    private List<EncodableSpan> toSpans(List<TelemetryRecord> batch) {
        List<EncodableSpan> spans = new ArrayList<>(batch.size());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (TelemetryRecord record : batch) {
            TelemetryEvent event = record.event();
            Attributes attributes = policy.apply(event.type(), event.attributes());
            spans.add(new OtlpSpan(random.nextLong(), random.nextLong() | 1, record.spanId(), 0, event.type(),
                    SpanKind.INTERNAL.otlpValue(), record.startEpochNanos(), record.endEpochNanos(), attributes,
                    List.of(), event.success() ? OtlpSpan.STATUS_OK : OtlpSpan.STATUS_ERROR, null, "",
                    systemAttributes));
        }
        return spans;
    }

    @Override
    public void close() {
        Destination<TelemetryRecord> current = destination;
        if (current != null) {
            current.shutdown();
        }
    }
}
