package ai.automagik.tracing.conventions;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.trace.LocalTrace;
import ai.automagik.tracing.trace.SpanData;

/**
 * The local sampling verdict on the spans of a trace that carries one: a partial trace (kept at its end for an
 * error, slowness or a callee, though its start did not keep it: other services may have dropped their parts),
 * and every trace in collector mode, whose tail sampling decides across instances
 * ({@code automagik.sampling.keep}, {@code automagik.sampling.reason}, {@code automagik.sampling.partial}).
 */
final class SamplingVerdict {

    static final String KEEP = "automagik.sampling.keep";
    static final String REASON = "automagik.sampling.reason";
    static final String PARTIAL = "automagik.sampling.partial";

    private SamplingVerdict() {
    }

    /** {@code attributes} with the verdict added (a copy when they are the span's own), or as they are. */
    static Attributes addTo(SpanData span, Attributes attributes) {
        LocalTrace trace = span.trace();
        String reason = trace == null ? null : trace.samplingReason();
        if (reason == null) {
            return attributes;
        }
        Attributes out = attributes == span.attributes() || attributes == Attributes.EMPTY
                ? (attributes == null || attributes == Attributes.EMPTY ? new Attributes(8)
                        : attributes.copy(attributes.size() + 3)) : attributes;
        out.put(KEEP, trace.samplingKeep());
        out.put(REASON, reason);
        if (trace.samplingPartial()) {
            out.put(PARTIAL, true);
        }
        return out;
    }
}
