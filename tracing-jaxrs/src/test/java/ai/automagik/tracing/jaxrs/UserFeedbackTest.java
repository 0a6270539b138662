package ai.automagik.tracing.jaxrs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserFeedbackTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void thumbsOnASpanAreAScoreAndALabel() {
        UserFeedback feedback = UserFeedback.parse("{\"traceId\":\"" + TRACE.toUpperCase() + "\",\"spanId\":\"" + SPAN
                + "\",\"thumbs\":\"down\",\"comment\":\"  wrong year  \"}");
        assertThat(feedback.span().traceId()).isEqualTo(TRACE);
        assertThat(feedback.span().spanId()).isEqualTo(SPAN);
        assertThat(feedback.evaluation().name()).isEqualTo("user_feedback");
        assertThat(feedback.evaluation().scoreLabel()).isEqualTo("thumbs_down");
        assertThat(feedback.evaluation().scoreValue()).isEqualTo(0.0);
        assertThat(feedback.evaluation().explanation()).isEqualTo("wrong year");
    }

    @Test
    void aScoreOnAResponseIdNeedsNoSpan() {
        UserFeedback feedback = UserFeedback.parse("{\"responseId\":\"resp_1\",\"score\":0.75}");
        assertThat(feedback.span()).isNull();
        assertThat(feedback.responseId()).isEqualTo("resp_1");
        assertThat(feedback.evaluation().scoreValue()).isEqualTo(0.75);
        assertThat(feedback.evaluation().scoreLabel()).isNull();
    }

    @Test
    void badFeedbackIsRefusedSayingWhy() {
        assertThatThrownBy(() -> UserFeedback.parse("")).hasMessageContaining("body required");
        assertThatThrownBy(() -> UserFeedback.parse("{\"thumbs\":")).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> UserFeedback.parse("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> UserFeedback.parse("{\"thumbs\":\"up\"}")).hasMessageContaining("which answer");
        assertThatThrownBy(() -> UserFeedback.parse("{\"traceId\":\"" + TRACE + "\",\"thumbs\":\"up\"}"))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> UserFeedback.parse("{\"traceId\":\"" + TRACE + "\",\"spanId\":\"0000000000000000\","
                + "\"thumbs\":\"up\"}")).hasMessageContaining("not all zero");
        assertThatThrownBy(() -> UserFeedback.parse("{\"responseId\":\"r\",\"thumbs\":\"sideways\"}"))
                .hasMessageContaining("\"up\" or \"down\"");
        assertThatThrownBy(() -> UserFeedback.parse("{\"responseId\":\"r\"}")).hasMessageContaining("thumbs and/or score");
        assertThatThrownBy(() -> UserFeedback.parse("{\"responseId\":\"r\",\"score\":\"high\"}"))
                .hasMessageContaining("score is a number");
        assertThatThrownBy(() -> UserFeedback.parse("{\"responseId\":\"r\",\"score\":1,\"comment\":\""
                + "x".repeat(2001) + "\"}")).hasMessageContaining("at most 2000");
        assertThatThrownBy(() -> UserFeedback.parse("{\"responseId\":\"" + "r".repeat(5000) + "\"}"))
                .hasMessageContaining("body too large");
    }
}
