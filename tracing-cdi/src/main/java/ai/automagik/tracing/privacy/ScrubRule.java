package ai.automagik.tracing.privacy;

/** One kind of personal data or secret that {@link Sanitizer} replaces by a marker. */
interface ScrubRule {

    /** {@code text} with every occurrence replaced; the same instance when nothing matched. */
    String apply(String text);
}
