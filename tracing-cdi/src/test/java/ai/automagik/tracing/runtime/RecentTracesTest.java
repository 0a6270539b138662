package ai.automagik.tracing.runtime;

import ai.automagik.tracing.trace.SpanData;
import ai.automagik.tracing.trace.SpanRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTracesTest {

    private static SpanData span(String name, long end) {
        return new SpanData(1, 2, 3, 0, name, 1, SpanRole.GENERIC, null, null, 0, end, null, List.of(), 0, null, null,
                null, null, null, null, "");
    }

    @Test
    void keepsTheNewestTracesNewestFirst() {
        RecentTraces recent = new RecentTraces(3, 10, 0);
        assertThat(recent.list()).isEmpty();
        for (int i = 1; i <= 5; i++) {
            recent.kept(List.of(span("t" + i, i)));
        }
        assertThat(recent.list()).extracting(trace -> trace.get(0).name()).containsExactly("t5", "t4", "t3");
    }

    @Test
    void aLargeTraceIsCutToTheLimit() {
        RecentTraces recent = new RecentTraces(2, 4, 0);
        recent.kept(IntStream.range(0, 9).mapToObj(i -> span("s" + i, 1)).toList());
        assertThat(recent.list()).singleElement().satisfies(trace -> assertThat(trace).hasSize(4));
    }

    @Test
    void underLoadAtMostOneTraceAnIntervalIsKept() {
        RecentTraces recent = new RecentTraces(20, 4, 1000);
        for (int i = 0; i < 10; i++) {
            recent.kept(List.of(span("t" + i, 100L * i)));
        }
        assertThat(recent.list()).extracting(trace -> trace.get(0).name()).containsExactly("t0");
    }
}
