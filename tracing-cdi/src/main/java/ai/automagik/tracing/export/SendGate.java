package ai.automagik.tracing.export;

/** Decides, just before a batch would be sent, whether sending is allowed (the opt-out rules). */
@FunctionalInterface
public interface SendGate {

    SendGate OPEN = () -> null;

    /** {@code null} when the batch may be sent, else why not (the batch is then counted as dropped). */
    String refusal();
}
