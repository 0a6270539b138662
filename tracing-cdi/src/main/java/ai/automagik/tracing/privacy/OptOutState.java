package ai.automagik.tracing.privacy;

/**
 * Which layers the opt-out rules leave on.
 *
 * @param tracingEnabled false when a rule switched off both layers
 * @param telemetryEnabled whether anonymous telemetry may be sent
 * @param reason the rule that turned telemetry off, {@code null} when it is on
 */
public record OptOutState(boolean tracingEnabled, boolean telemetryEnabled, String reason) {
}
