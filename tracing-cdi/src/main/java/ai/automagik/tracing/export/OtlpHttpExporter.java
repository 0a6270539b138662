package ai.automagik.tracing.export;

import ai.automagik.tracing.otlp.OtlpEncoder;
import ai.automagik.tracing.otlp.OtlpProtocol;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.spi.ExportFailedException;
import ai.automagik.tracing.spi.ExportThrottledException;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.spi.SendResult;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Encodes a batch as OTLP/HTTP JSON or protobuf and sends it through the destination's circuit breaker. In debug
 * mode it logs the payload exactly as it would be sent and sends nothing.
 * <p>
 * A collector that keeps answering 429 throttles the destination: the batch fails as {@link #FAILED_THROTTLED}
 * without counting against the breaker, and no batch is sent before the answer's {@code Retry-After} has
 * passed (at most {@link #MAX_HOLD}); the batches meanwhile wait in the queue.
 */
public final class OtlpHttpExporter implements BatchExporter<EncodableSpan> {

    public static final String FAILED_CIRCUIT_OPEN = "circuit open";
    public static final String NOT_SENT_DEBUG = "debug mode (logged, not sent)";
    public static final String FAILED_THROTTLED = "throttled by the collector (HTTP 429)";
    /** The longest a {@code Retry-After} holds the destination. */
    public static final Duration MAX_HOLD = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(OtlpHttpExporter.class.getName());

    private final String destination;
    private final Supplier<Resource> resource;
    private final OtlpEncoder encoder;
    private final String contentType;
    private final HttpSender sender;
    private final SendGuard guard;
    private final CircuitStateTracker circuit;
    private final boolean debug;
    private final RecentPayloads recent;
    private volatile long holdUntilNanos;
    private volatile boolean held;

    /** Sends in the encoding of the sender's protocol; debug mode logs the batch as OTLP JSON, for a reader. */
    public OtlpHttpExporter(String destination, Supplier<Resource> resource, HttpSender sender, SendGuard guard,
            CircuitStateTracker circuit, boolean debug, RecentPayloads recent) {
        OtlpProtocol protocol = debug ? OtlpProtocol.HTTP_JSON : sender.settings().protocol();
        this.destination = destination;
        this.resource = resource;
        this.encoder = OtlpEncoder.of(protocol);
        this.contentType = protocol.contentType();
        this.sender = sender;
        this.guard = guard;
        this.circuit = circuit;
        this.debug = debug;
        this.recent = recent;
    }

    @Override
    public ExportOutcome export(List<EncodableSpan> batch) {
        return encoder.encode(resource.get(), batch, (body, length) -> export(batch, body, length));
    }

    private ExportOutcome export(List<EncodableSpan> batch, byte[] body, int length) {
        if (debug) {
            String json = new String(body, 0, length, StandardCharsets.UTF_8);
            LOG.info(() -> "Automagik Tracing debug mode, not sent to " + destination + ": " + json);
            remember(body, length, NOT_SENT_DEBUG);
            return ExportOutcome.notSent(batch.size(), NOT_SENT_DEBUG);
        }
        if (!awaitHold()) {
            return ExportOutcome.failure(batch.size(), "interrupted");
        }
        try {
            SendResult result = guard.send(() -> sender.send(body, length));
            circuit.success();
            remember(body, length, "HTTP " + result.statusCode());
            return result.rejectedItems() > 0
                    ? ExportOutcome.partial(batch.size(), result.rejectedItems(), result.partialSuccessMessage())
                    : ExportOutcome.success(batch.size());
        } catch (ExportThrottledException e) {
            // the collector is up and asks for less: that is not a failure for the breaker
            circuit.success();
            hold(e.result().retryAfterMillis());
            remember(body, length, e.result().error());
            return ExportOutcome.failure(batch.size(), FAILED_THROTTLED);
        } catch (CircuitBreakerOpenException e) {
            circuit.refusedWhileOpen();
            return ExportOutcome.failure(batch.size(), FAILED_CIRCUIT_OPEN);
        } catch (ExportFailedException e) {
            circuit.failure();
            remember(body, length, e.result().error());
            return ExportOutcome.failure(batch.size(), e.result().error());
        } catch (RuntimeException e) {
            circuit.failure();
            return ExportOutcome.failure(batch.size(), e.getClass().getSimpleName());
        }
    }

    private void hold(long retryAfterMillis) {
        if (retryAfterMillis > 0) {
            long millis = Math.min(retryAfterMillis, MAX_HOLD.toMillis());
            holdUntilNanos = System.nanoTime() + millis * 1_000_000L;
            held = true;
        }
    }

    /** Waits until a {@code Retry-After} the collector gave has passed; false when interrupted (shutdown). */
    private boolean awaitHold() {
        if (!held) {
            return true;
        }
        long left;
        while ((left = holdUntilNanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        held = false;
        return true;
    }

    private void remember(byte[] body, int length, String outcome) {
        if (recent != null) {
            recent.add(destination, contentType, body, length, outcome);
        }
    }
}
