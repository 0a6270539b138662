package ai.automagik.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void parsesAndFormatsW3cTraceparent() {
        TraceContext context = TraceContext.fromTraceparent(VALID).orElseThrow();
        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.isSampled()).isTrue();
        assertThat(context.isRemote()).isTrue();
        assertThat(context.toTraceparent()).isEqualTo(VALID);
    }

    @Test
    void keepsIdsWithTheHighBitSet() {
        String header = "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-00";
        TraceContext context = TraceContext.fromTraceparent(header).orElseThrow();
        assertThat(context.traceIdHigh()).isEqualTo(-1L);
        assertThat(context.isSampled()).isFalse();
        assertThat(context.toTraceparent()).isEqualTo(header);
    }

    @Test
    void acceptsAFutureVersionWithExtraFields() {
        assertThat(TraceContext.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
    })
    void rejectsMalformedHeaders(String header) {
        assertThat(TraceContext.fromTraceparent(header)).isEmpty();
    }

    @Test
    void rejectsOversizedAndNullHeaders() {
        assertThat(TraceContext.fromTraceparent(null)).isEmpty();
        assertThat(TraceContext.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-"
                + "x".repeat(10_000))).isEmpty();
    }

    @Test
    void invalidContextIsNotValid() {
        assertThat(TraceContext.INVALID.isValid()).isFalse();
        assertThat(TraceContext.of(0, 0, 5, true)).isSameAs(TraceContext.INVALID);
    }
}
