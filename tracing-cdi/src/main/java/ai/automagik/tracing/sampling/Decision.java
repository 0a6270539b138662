package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.HeadDecision;

/**
 * Why a local trace is kept or not, as counted. The first four come at the trace's start (they shape what it
 * sends on); the others at its local root's end, where an error, slowness or a callee that kept its part
 * ({@link #DOWNSTREAM}) may still keep a trace its start did not: that local part is then marked partial.
 */
public enum Decision implements HeadDecision {
    /** The caller recorded the trace (its sampled flag): this service keeps its part too. */
    CALLER("caller", true, true),
    /** The first trace of its type (root span name) in this process. */
    FIRST("first", true, true),
    /** Kept by consistent probability sampling: its randomness passed the threshold. */
    RANDOM("random", true, true),
    /** Passed the threshold, but its type had kept its most traces this second. */
    RATE_LIMITED("rate_limited", false, true),
    NOT_SAMPLED("not_sampled", false, true),
    ERROR("error", true, false),
    SLOW("slow", true, false),
    /** A service this one called kept its part (its {@code traceresponse} said so). */
    DOWNSTREAM("downstream", true, false),
    /** An error trace beyond its type's kept error traces per second: errors must not amplify a flood. */
    ERROR_RATE_LIMITED("error_rate_limited", false, false),
    /** A slow trace beyond its type's kept slow traces per second. */
    SLOW_RATE_LIMITED("slow_rate_limited", false, false),
    BUFFER_OVERFLOW("buffer_overflow", false, false);

    private final String reason;
    private final boolean keep;
    private final boolean atStart;

    Decision(String reason, boolean keep, boolean atStart) {
        this.reason = reason;
        this.keep = keep;
        this.atStart = atStart;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean keep() {
        return keep;
    }

    /** Kept at the end although its start did not keep it: only this service's part may be there. */
    public boolean partial() {
        return keep && !atStart;
    }
}
