package ai.automagik.tracing.export;

/**
 * How one batch ended, event by event: acknowledged, lost, or deliberately not sent.
 *
 * @param accepted events acknowledged with a 2xx
 * @param failed events refused or undeliverable
 * @param error why {@code failed} events were lost; {@code null} when none were
 * @param notSent events deliberately not sent (for example debug mode: logged instead)
 * @param notSentReason why {@code notSent} events were not sent
 */
public record ExportOutcome(int accepted, int failed, String error, int notSent, String notSentReason) {

    public static ExportOutcome success(int count) {
        return new ExportOutcome(count, 0, null, 0, null);
    }

    /** A 2xx whose {@code partialSuccess} said some events were rejected. */
    public static ExportOutcome partial(int count, long rejected, String message) {
        int lost = (int) Math.max(0, Math.min(count, rejected));
        return new ExportOutcome(count - lost, lost, lost == 0 ? null : "rejected by collector", 0, null);
    }

    public static ExportOutcome failure(int count, String error) {
        return new ExportOutcome(0, count, error == null ? "export failed" : error, 0, null);
    }

    public static ExportOutcome notSent(int count, String reason) {
        return new ExportOutcome(0, 0, null, count, reason);
    }

    public int total() {
        return accepted + failed + notSent;
    }
}
