package ai.automagik.tracing.otlp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PartialSuccessTest {

    private static PartialSuccess parse(String body) {
        return PartialSuccess.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectedSpansAndMessageAreRead() {
        assertThat(parse("{\"partialSuccess\":{\"rejectedSpans\":\"3\",\"errorMessage\":\"too old\"}}"))
                .isEqualTo(new PartialSuccess(3, "too old"));
        assertThat(parse(" { \"partialSuccess\" : { \"rejectedSpans\" : 2 } } ")).isEqualTo(new PartialSuccess(2, null));
    }

    @Test
    void aNameSpelledWithEscapesIsStillFound() {
        assertThat(parse("{\"partial\\u0053uccess\":{\"rejectedSpans\":1}}")).isEqualTo(new PartialSuccess(1, null));
    }

    @Test
    void answersWithoutRejectionsAreNone() {
        for (String body : new String[] {"", "{}", "{\"partialSuccess\":{}}", "{\"partialSuccess\":{\"rejectedSpans\":0}}",
                "not json", "[1,2]", "{\"other\":\"partialSuccess\"}", "partialSucces"}) {
            assertThat(parse(body)).as(body).isEqualTo(PartialSuccess.NONE);
        }
        assertThat(PartialSuccess.parse(null)).isEqualTo(PartialSuccess.NONE);
    }
}
