package ai.automagik.tracing.provider;

import ai.automagik.tracing.otlp.Attributes;
import ai.automagik.tracing.otlp.SpanData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTracesTest {

    private static SpanData span(String name) {
        return new SpanData(1, 2, 3, 0, name, SpanData.KIND_INTERNAL, 0, 1, new Attributes(), List.of(),
                SpanData.STATUS_UNSET, null);
    }

    @Test
    void keepsTheNewestTracesNewestFirst() {
        RecentTraces recent = new RecentTraces(3, 10);
        assertThat(recent.list()).isEmpty();
        for (int i = 1; i <= 5; i++) {
            recent.add(List.of(span("t" + i)));
        }
        assertThat(recent.list()).extracting(trace -> trace.get(0).name()).containsExactly("t5", "t4", "t3");
    }

    @Test
    void aLargeTraceIsCutToTheLimit() {
        RecentTraces recent = new RecentTraces(2, 4);
        recent.add(IntStream.range(0, 9).mapToObj(i -> span("s" + i)).toList());
        assertThat(recent.list()).singleElement().satisfies(trace -> assertThat(trace).hasSize(4));
    }
}
