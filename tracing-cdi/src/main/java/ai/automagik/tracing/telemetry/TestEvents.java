package ai.automagik.tracing.telemetry;

import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.export.ExportOutcome;
import ai.automagik.tracing.diagnostics.TestEventStatus;
import ai.automagik.tracing.diagnostics.TestEventStatus.State;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The last few test events an operator sent, followed until their batch settles. */
final class TestEvents {

    private static final int REMEMBERED = 32;

    private final Map<Long, TestEventStatus> statuses = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TestEventStatus> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile boolean anyPending;

    synchronized void queued(long spanId, String id) {
        statuses.put(spanId, new TestEventStatus(id, State.QUEUED, null, Instant.now()));
        anyPending = true;
    }

    synchronized void dropped(long spanId, String id, String reason) {
        statuses.put(spanId, new TestEventStatus(id, State.DROPPED, reason, Instant.now()));
    }

    /** Cheap for batches without test events: the common case costs one volatile read. */
    void settled(List<TelemetryRecord> batch, ExportOutcome outcome, String endpoint) {
        if (!anyPending) {
            return;
        }
        synchronized (this) {
            for (TelemetryRecord record : batch) {
                if (!TelemetryEvent.TEST_EVENT.equals(record.event().type())) {
                    continue;
                }
                TestEventStatus status = statuses.get(record.spanId());
                if (status != null && status.state() == State.QUEUED) {
                    statuses.put(record.spanId(), settledStatus(status.id(), batch.size(), outcome, endpoint));
                }
            }
            anyPending = statuses.values().stream().anyMatch(s -> s.state() == State.QUEUED);
        }
    }

    private static TestEventStatus settledStatus(String id, int batchSize, ExportOutcome outcome, String endpoint) {
        Instant now = Instant.now();
        if (outcome.accepted() == batchSize) {
            return new TestEventStatus(id, State.DELIVERED, "acknowledged by " + endpoint, now);
        }
        if (outcome.notSent() == batchSize) {
            return new TestEventStatus(id, State.DROPPED, outcome.notSentReason(), now);
        }
        if (outcome.failed() == batchSize) {
            return new TestEventStatus(id, State.FAILED, outcome.error(), now);
        }
        // the collector took part of the batch and did not say which spans it rejected
        return new TestEventStatus(id, State.DELIVERED, "sent to " + endpoint + "; the collector rejected "
                + outcome.failed() + " of " + batchSize + " spans in its batch (" + outcome.error() + ")", now);
    }

    synchronized Optional<TestEventStatus> status(String id) {
        return statuses.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
