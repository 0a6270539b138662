package ai.automagik.tracing;

import java.time.Instant;
import java.util.Map;

/**
 * Counters of one export pipeline. In a quiescent pipeline
 * {@code queued == processed + dropped + failed + queueSize + inFlight} holds exactly.
 *
 * @param queued every event offered to the pipeline, accepted or not
 * @param processed events delivered and acknowledged with a 2xx
 * @param dropped events never sent because of local policy (queue full, opted out, shut down)
 * @param failed events the collector refused or that could not be delivered (errors, open circuit, timeout)
 * @param queueSize events waiting in the queue
 * @param inFlight events taken from the queue and not yet settled
 * @param batches export requests attempted
 * @param lastError the newest failure, {@code null} when none
 */
public record PipelineMetrics(
        long queued,
        long processed,
        long dropped,
        long failed,
        long queueSize,
        long inFlight,
        long batches,
        String lastError,
        Instant lastErrorAt,
        Map<String, Long> droppedByReason,
        Map<String, Long> failedByReason) {

    public static final PipelineMetrics EMPTY =
            new PipelineMetrics(0, 0, 0, 0, 0, 0, 0, null, null, Map.of(), Map.of());

    /** True when every queued event is accounted for. */
    public boolean balanced() {
        return queued == processed + dropped + failed + queueSize + inFlight;
    }
}
