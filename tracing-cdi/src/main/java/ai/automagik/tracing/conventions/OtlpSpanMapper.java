package ai.automagik.tracing.conventions;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.EncodableSpan;
import ai.automagik.tracing.otlp.OtlpSpan;
import ai.automagik.tracing.privacy.CapturedContent;
import ai.automagik.tracing.spi.SpanConvention;
import ai.automagik.tracing.trace.SpanData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns ended spans into what one destination receives, on its export worker: the GenAI conventions'
 * attributes, secrets in captured content masked, then the destination's own {@link SpanConvention}. A span
 * none of these change (a plain span without content or error, for a destination without a convention of its
 * own) is encoded as it ended, without a copy.
 */
public final class OtlpSpanMapper implements Function<List<SpanData>, List<EncodableSpan>> {

    private static final Logger LOG = Logger.getLogger(OtlpSpanMapper.class.getName());

    private final SpanConvention vendor;

    public OtlpSpanMapper(SpanConvention vendor) {
        this.vendor = vendor == null ? SpanConvention.NONE : vendor;
    }

    @Override
    public List<EncodableSpan> apply(List<SpanData> spans) {
        List<EncodableSpan> mapped = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            mapped.add(map(span));
        }
        return mapped;
    }

    public EncodableSpan map(SpanData span) {
        Attributes conventionAttributes = SamplingVerdict.addTo(span, GenAiConvention.attributes(span));
        boolean unchanged = conventionAttributes == span.attributes()
                || (span.attributes() == null && conventionAttributes == Attributes.EMPTY);
        if (unchanged && vendor == SpanConvention.NONE
                && !CapturedContent.holdsContent(span.attributes(), span.events(), span.statusMessage())) {
            return span;
        }
        OtlpSpan conventional = CapturedContent.scrubbed(new OtlpSpan(span.traceIdHigh(), span.traceIdLow(),
                span.spanId(), span.parentSpanId(), span.name(), span.kind(), span.startEpochNanos(),
                span.endEpochNanos(), conventionAttributes, span.events(), span.statusCode(), span.statusMessage(),
                span.traceState()));
        if (vendor == SpanConvention.NONE) {
            return conventional;
        }
        Map<String, Object> extra;
        try {
            extra = vendor.attributes(new ExportedSpanView(span, conventional.attributes()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A provider's span convention failed; its keys are left out", e);
            return conventional;
        }
        if (extra == null || extra.isEmpty()) {
            return conventional;
        }
        // the conventional attributes may be the ended span's own: never changed, so copied here
        Attributes attributes = conventional.attributes().copy(conventional.attributes().size() + extra.size());
        extra.forEach((key, value) -> {
            if (key != null && (value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean)) {
                attributes.put(key, value);
            } else if (key != null && value instanceof Integer i) {
                attributes.put(key, i.longValue());
            }
        });
        return new OtlpSpan(conventional.traceIdHigh(), conventional.traceIdLow(), conventional.spanId(),
                conventional.parentSpanId(), conventional.name(), conventional.kind(), conventional.startEpochNanos(),
                conventional.endEpochNanos(), attributes, conventional.events(), conventional.statusCode(),
                conventional.statusMessage(), conventional.traceState());
    }
}
