package ai.automagik.tracing.conventions;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.privacy.CapturedContent;
import ai.automagik.tracing.spi.ExportedSpan;
import ai.automagik.tracing.trace.LocalTrace;
import ai.automagik.tracing.trace.SpanData;

/** An ended span as a provider's convention reads it: its attributes as sent, its content with secrets masked. */
final class ExportedSpanView implements ExportedSpan {

    private final SpanData span;
    private final Attributes attributes;

    ExportedSpanView(SpanData span, Attributes attributes) {
        this.span = span;
        this.attributes = attributes;
    }

    @Override
    public String role() {
        return span.role().label();
    }

    @Override
    public String name() {
        return span.name();
    }

    @Override
    public Object attribute(String key) {
        return key == null ? null : attributes.get(key);
    }

    @Override
    public String input() {
        return CapturedContent.scrub(span.input());
    }

    @Override
    public String output() {
        return CapturedContent.scrub(span.output());
    }

    @Override
    public String conversationId() {
        LocalTrace trace = span.trace();
        return trace == null ? null : trace.conversationId();
    }

    @Override
    public String userId() {
        LocalTrace trace = span.trace();
        return trace == null ? null : trace.userId();
    }
}
