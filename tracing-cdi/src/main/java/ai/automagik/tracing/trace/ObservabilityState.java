package ai.automagik.tracing.trace;

/** Whether spans are recorded for observability right now, and with their content; read on every span start. */
public interface ObservabilityState {

    ObservabilityState OFF = new ObservabilityState() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean captureContent() {
            return false;
        }
    };

    /** A provider is configured and no opt-out applies: must be a cheap field read. */
    boolean enabled();

    /** Prompts, completions, tool arguments and results are recorded (content capture). */
    boolean captureContent();
}
