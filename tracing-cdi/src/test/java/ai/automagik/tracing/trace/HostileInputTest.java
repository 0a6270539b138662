package ai.automagik.tracing.trace;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.OtlpJsonEncoder;
import ai.automagik.tracing.otlp.Resource;
import ai.automagik.tracing.otlp.OtlpSpan;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What a careless or hostile caller can hand the tracer never throws and always ends bounded and encodable. */
class HostileInputTest {

    private final KeepAllTraces traces = new KeepAllTraces(true);
    private final DefaultTracer tracer = traces.tracer(TelemetrySink.OFF);

    private OtlpSpan only() {
        return traces.traces.get(0).get(0);
    }

    @Test
    void aOneMegabyteValueIsCapped() {
        String huge = "x".repeat(1 << 20);
        try (Span span = tracer.startSpan(huge)) {
            span.setAttribute("big", huge).setInput(huge).setOutput(huge).setError(huge);
        }
        try (Span tool = tracer.startToolExecution("search")) {
            tool.setInput(huge).setOutput(huge);
        }
        OtlpSpan data = only();
        assertThat(data.name()).hasSizeLessThanOrEqualTo(DefaultTracer.MAX_NAME + 20);
        assertThat((String) data.attributes().get("big")).hasSizeLessThanOrEqualTo(RecordingSpan.MAX_STRING + 20);
        OtlpSpan tool = traces.traces.get(1).get(0);
        assertThat((String) tool.attributes().get("gen_ai.tool.call.arguments")).hasSizeLessThanOrEqualTo(RecordingSpan.MAX_INPUT + 20);
        assertThat((String) tool.attributes().get("gen_ai.tool.call.result")).hasSizeLessThanOrEqualTo(RecordingSpan.MAX_OUTPUT + 20);
        assertThat(data.statusMessage()).hasSizeLessThanOrEqualTo(RecordingSpan.MAX_STRING + 20);
    }

    @Test
    void tenThousandDistinctKeysAreBoundedAndCounted() {
        try (Span span = tracer.startSpan("many")) {
            for (int i = 0; i < 10_000; i++) {
                span.setAttribute("key." + i, (long) i);
            }
        }
        Attributes attributes = only().attributes();
        assertThat(attributes.size()).isEqualTo(RecordingSpan.MAX_ATTRIBUTES);
        assertThat(attributes.overflow()).isEqualTo(10_000 - RecordingSpan.MAX_ATTRIBUTES);
    }

    @Test
    void controlCharactersAndInvalidUtf16EncodeToValidUtf8() throws Exception {
        String hostile = "a\u0000b\u0007c\u001b[31m\uD800d\uDFFFe\n\r\t";
        try (Span span = tracer.startSpan(hostile)) {
            span.setAttribute(hostile, hostile).addEvent(hostile).recordException(new IllegalStateException(hostile));
        }
        byte[] json = new OtlpJsonEncoder().encode(new Resource(new Attributes(), "s", "1"), List.of(only()));
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        assertThat(text).contains("\\u0000").contains("\uFFFD").doesNotContain("\u0000");
    }

    @Test
    void nullsAndNonsenseNeverThrow() {
        assertThatCode(() -> {
            try (Span span = tracer.startSpan(null)) {
                span.setAttribute(null, "v").setAttribute("k", (String) null).addEvent(null).recordException(null)
                        .setInput(null).setOutput(null).setConversation(null, null).setError(null);
            }
            tracer.startAgentRun(null, null).end();
            tracer.startLlmCall(null, null).usage(-5, -7).parameter(null, null).parameter("p", new Object())
                    .inputMessage(null, null).cost(Double.NaN).end();
            tracer.recordEvent((TelemetryEvent) null);
            tracer.withContext(null).close();
        }).doesNotThrowAnyException();
    }
}
