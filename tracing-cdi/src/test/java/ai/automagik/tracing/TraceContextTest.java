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

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03";

    private static TraceContext withState(String... fields) {
        return TraceContext.fromHeaders(java.util.List.of(PARENT), java.util.Arrays.asList(fields)).orElseThrow();
    }

    @Test
    void tracestateFieldsAreCombinedInOrderWithoutOptionalWhiteSpace() {
        assertThat(withState("foo=1,bar=2", "rojo=1, congo=2", "", "baz=3").traceState())
                .isEqualTo("foo=1,bar=2,rojo=1,congo=2,baz=3");
        assertThat(withState("foo=1 \t , \t bar=2,\t baz=3").traceState()).isEqualTo("foo=1,bar=2,baz=3");
        assertThat(withState("foo= leading space kept").traceState()).isEqualTo("foo= leading space kept");
        assertThat(withState("tenant@vendor=1,a-b_c*d/e=~!").traceState()).isEqualTo("tenant@vendor=1,a-b_c*d/e=~!");
        assertThat(withState().traceState()).isEmpty();
        assertThat(withState("foo=1,foo=2").traceState()).as("a later duplicate is dropped").isEqualTo("foo=1");
    }

    @Test
    void anInvalidTracestateIsDroppedWholeAndSaysSo() {
        for (String[] fields : new String[][] {{"foo =1"}, {"FOO=1"}, {"foo.bar=1"}, {"@foo=1,bar=2"}, {"foo=bar=baz"},
            {"foo=,bar=3"}, {"foo=1", "k".repeat(257) + "=1"}}) {
            TraceContext context = withState(fields);
            assertThat(context.traceState()).as(String.join(" | ", fields)).isEmpty();
            assertThat(context.traceStateRejected()).as(String.join(" | ", fields)).isTrue();
            assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(withState("k".repeat(256) + "=1,foo=1").traceStateRejected()).isFalse();
        assertThat(withState("foo=trailing ").traceState()).as("white space after a member is optional white space")
                .isEqualTo("foo=trailing");
    }

    @Test
    void thirtyTwoMembersAreKeptThirtyThreeAreNot() {
        StringBuilder members = new StringBuilder();
        for (int i = 1; i <= 33; i++) {
            members.append(i == 1 ? "" : ",").append("bar").append(i).append("=").append(i);
        }
        String thirtyThree = members.toString();
        String thirtyTwo = thirtyThree.substring(0, thirtyThree.lastIndexOf(','));
        assertThat(withState(thirtyTwo).traceState().split(",")).hasSize(32);
        assertThat(withState(thirtyThree).traceState()).isEmpty();
    }

    @Test
    void exactlyOneTraceparentFieldIsAContextAndFlagsKeepTheRandomBit() {
        assertThat(TraceContext.fromHeaders(java.util.List.of(PARENT, PARENT), java.util.List.of())).isEmpty();
        assertThat(TraceContext.fromHeaders(java.util.List.of(), java.util.List.of("foo=1"))).isEmpty();
        assertThat(TraceContext.fromHeaders(null, null)).isEmpty();
        TraceContext context = TraceContext.fromHeaders(java.util.List.of(PARENT), null).orElseThrow();
        assertThat(context.isSampled()).isTrue();
        assertThat(context.isRandom()).isTrue();
        assertThat(context.isRemote()).isTrue();
        TraceContext random = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02")
                .orElseThrow();
        assertThat(random.isSampled()).isFalse();
        assertThat(random.isRandom()).isTrue();
        // other flag bits are never sent on
        assertThat(TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-ff").orElseThrow()
                .toTraceparent()).endsWith("-03");
        assertThat(TraceContext.of(1, 2, 3, TraceContext.FLAG_RANDOM, "ot=th:8").toTraceparent()).endsWith("-02");
    }
}
