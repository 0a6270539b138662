package ai.automagik.tracing.sampling;

/** The outcome of tail sampling for one trace, with the reason it is counted under. */
public enum Decision {
    ERROR("error", true),
    SLOW("slow", true),
    FIRST("first", true),
    RANDOM("random", true),
    RATE_LIMITED("rate_limited", false),
    /** An error trace beyond its type's kept error traces per second: errors must not amplify a flood. */
    ERROR_RATE_LIMITED("error_rate_limited", false),
    /** A slow trace beyond its type's kept slow traces per second. */
    SLOW_RATE_LIMITED("slow_rate_limited", false),
    NOT_SAMPLED("not_sampled", false),
    BUFFER_OVERFLOW("buffer_overflow", false);

    private final String reason;
    private final boolean keep;

    Decision(String reason, boolean keep) {
        this.reason = reason;
        this.keep = keep;
    }

    public String reason() {
        return reason;
    }

    public boolean keep() {
        return keep;
    }
}
