package ai.automagik.tracing.privacy;

/**
 * The outcome of {@link OptOutPolicy#evaluate()}.
 *
 * @param tracingEnabled   false when both layers are off (kill switch, {@code ~/.automagik-no-tracing}, CI)
 * @param telemetryEnabled whether anonymous usage events may be sent
 * @param reason           the rule that turned telemetry (or everything) off, for logs and the admin
 *                         console, e.g. {@code DO_NOT_TRACK=1}; null when telemetry is on
 */
public record OptOutState(boolean tracingEnabled, boolean telemetryEnabled, String reason) {

    static OptOutState allOn() {
        return new OptOutState(true, true, null);
    }

    static OptOutState allOff(String reason) {
        return new OptOutState(false, false, reason);
    }

    static OptOutState telemetryOff(String reason) {
        return new OptOutState(true, false, reason);
    }
}
