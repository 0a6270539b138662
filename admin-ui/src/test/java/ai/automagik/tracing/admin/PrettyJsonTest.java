package ai.automagik.tracing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void jsonIsIndentedWithNothingLost() {
        String pretty = PrettyJson.format("{\"resourceSpans\":[{\"a\":1,\"b\":\"<x>\"}]}");
        assertThat(pretty).contains("\n").contains("\"resourceSpans\"").contains("\"b\": \"<x>\"");
    }

    @Test
    void aTruncatedPayloadIsShownAsItIs() {
        String truncated = "{\"resourceSpans\":[{\"a\":1…[truncated]";
        assertThat(PrettyJson.format(truncated)).isEqualTo(truncated);
    }
}
