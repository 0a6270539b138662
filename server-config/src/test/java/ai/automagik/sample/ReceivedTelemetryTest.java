package ai.automagik.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceivedTelemetryTest {

    @Test
    void keepsAtMostItsCharacterBudgetNewestFirstAndCountsEverything() {
        ReceivedTelemetry received = new ReceivedTelemetry();
        String big = "x".repeat(EmbeddedOtlpReceiver.MAX_BODY);
        for (int i = 0; i < ReceivedTelemetry.KEEP; i++) {
            received.add(1, i + big);
        }
        assertThat(received.requests()).isEqualTo(ReceivedTelemetry.KEEP);
        assertThat(received.spans()).isEqualTo(ReceivedTelemetry.KEEP);
        assertThat(received.keptChars()).isLessThanOrEqualTo(ReceivedTelemetry.KEEP_CHARS);
        assertThat(received.recent()).hasSize(1).first().satisfies(p -> assertThat(p.json()).startsWith("49x"));
    }

    @Test
    void keepsAtMostFiftySmallPayloads() {
        ReceivedTelemetry received = new ReceivedTelemetry();
        for (int i = 0; i < 120; i++) {
            received.add(2, "{\"n\":" + i + "}");
        }
        assertThat(received.recent()).hasSize(ReceivedTelemetry.KEEP).first()
                .satisfies(p -> assertThat(p.json()).isEqualTo("{\"n\":119}"));
        assertThat(received.keptChars()).isEqualTo(received.recent().stream().mapToLong(p -> p.json().length()).sum());
        assertThat(received.spans()).isEqualTo(240);
    }

    @Test
    void spansAreCountedFromOneStreamingReadAndAnythingElseIsRefused() {
        assertThat(EmbeddedOtlpReceiver.countSpans("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"spans\","
                + "\"value\":{\"arrayValue\":{\"values\":[{}]}}}]},\"scopeSpans\":[{\"scope\":{},\"spans\":[{\"name\":\"a\","
                + "\"events\":[{\"spans\":[{}]}]},{\"name\":\"b\"}]},{\"spans\":[{}]}]},{\"scopeSpans\":[]}]}")).isEqualTo(3);
        assertThat(EmbeddedOtlpReceiver.countSpans("{\"resourceSpans\":[]}")).isZero();
        for (String bad : new String[] {"", "[]", "{}", "{\"resourceSpans\":{}}", "{\"resourceSpans\":[]} {}",
                "{\"resourceSpans\":[", "{\"a\":" .repeat(5000) + "1" + "}".repeat(5000)}) {
            assertThatThrownBy(() -> EmbeddedOtlpReceiver.countSpans(bad)).as(bad.length() > 40 ? "deep" : bad)
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
