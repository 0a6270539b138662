package ai.automagik.tracing.trace;

/** What a {@link HeadSampler} decided when a local trace started; the tail of sampling reads it at the end. */
public interface HeadDecision {

    /** Whether the trace is kept from its start (so its spans are exported whatever happens later). */
    boolean keep();
}
