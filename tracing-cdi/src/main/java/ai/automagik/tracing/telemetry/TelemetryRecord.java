package ai.automagik.tracing.telemetry;

import ai.automagik.tracing.TelemetryEvent;

/** A telemetry event as queued: raw, sanitized later on a worker thread. */
record TelemetryRecord(TelemetryEvent event, long spanId, long startEpochNanos, long endEpochNanos) {
}
