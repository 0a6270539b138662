package ai.automagik.tracing.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OtelTraceStateTest {

    @Test
    void thresholdAndRandomnessAreRead() {
        OtelTraceState ot = OtelTraceState.parse("ot=th:c;rv:6e6d1a75832a2f,congo=t61rcWkgMzE");
        assertThat(ot.threshold()).isEqualTo(0xc0000000000000L);
        assertThat(ot.randomness()).isEqualTo(0x6e6d1a75832a2fL);
        assertThat(ot.malformed()).isFalse();
    }

    @Test
    void aModifiedMemberGoesFirstAndTheOthersKeepTheirOrder() {
        OtelTraceState ot = OtelTraceState.parse("rojo=00f067aa0ba902b7,ot=rv:6e6d1a75832a2f;x:3,congo=t61rcWkgMzE");
        assertThat(ot.withThreshold(0x80000000000000L))
                .isEqualTo("ot=th:8;rv:6e6d1a75832a2f;x:3,rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        assertThat(ot.withThreshold(-1)).isEqualTo("ot=rv:6e6d1a75832a2f;x:3,rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        assertThat(OtelTraceState.parse("ot=th:8").withThreshold(-1)).as("nothing left of ot").isEmpty();
        assertThat(OtelTraceState.parse("").withThreshold(0)).isEqualTo("ot=th:0");
    }

    @Test
    void aMalformedThresholdOrRandomnessIsIgnoredAndSaysSo() {
        OtelTraceState badTh = OtelTraceState.parse("ot=th:100000000000000;rv:6e6d1a75832a2f");
        assertThat(badTh.threshold()).isEqualTo(-1);
        assertThat(badTh.randomness()).isEqualTo(0x6e6d1a75832a2fL);
        assertThat(badTh.malformed()).isTrue();
        OtelTraceState badRv = OtelTraceState.parse("ot=th:c;rv:1234567890abcde");
        assertThat(badRv.threshold()).isEqualTo(0xc0000000000000L);
        assertThat(badRv.randomness()).isEqualTo(-1);
        assertThat(badRv.malformed()).isTrue();
    }

    @Test
    void aSyntaxErrorOrAnOversizedValueVoidsTheWholeMember() {
        for (String value : new String[] {"ot=th:c;", "ot=th", "ot=TH:c", "ot=th:c;rv", "ot=th:c;;rv:6e6d1a75832a2f",
            "ot=a:" + "X".repeat(252) + ";th:c"}) {
            OtelTraceState ot = OtelTraceState.parse(value + ",other=1");
            assertThat(ot.threshold()).as(value).isEqualTo(-1);
            assertThat(ot.malformed()).as(value).isTrue();
            assertThat(ot.withThreshold(-1)).as(value).isEqualTo("other=1");
        }
        // exactly 256 characters is still valid
        String full = "a:" + "X".repeat(214) + ";rv:1234567890abcd;th:1234567890abcd;x:3";
        assertThat(full).hasSize(256);
        OtelTraceState ot = OtelTraceState.parse("ot=" + full);
        assertThat(ot.malformed()).isFalse();
        assertThat(ot.threshold()).isEqualTo(0x1234567890abcdL);
    }

    @Test
    void noMoreThanThirtyTwoMembersAreSentOn() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            members.append(i == 0 ? "" : ",").append("m").append(i).append("=v");
        }
        String sent = OtelTraceState.parse(members.toString()).withThreshold(0xe6660000000000L);
        assertThat(sent.split(",")).hasSize(32).startsWith("ot=th:e666").doesNotContain("m31=v");
    }
}
