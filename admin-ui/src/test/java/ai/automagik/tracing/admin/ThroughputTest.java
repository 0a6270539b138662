package ai.automagik.tracing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.PipelineMetrics;
import ai.automagik.tracing.admin.ThroughputHistory.Rate;
import ai.automagik.tracing.admin.ThroughputHistory.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static PipelineMetrics counters(long processed, long dropped, long failed) {
        return new PipelineMetrics(processed + dropped + failed, processed, dropped, failed, 0, 0, 1, null, null,
                Map.of(), Map.of());
    }

    @Test
    void ratesAreEventsPerSecondBetweenSamples() {
        List<Rate> rates = ThroughputHistory.rates(List.of(new Sample(T0, 0, 0), new Sample(T0.plusSeconds(2), 10, 2),
                new Sample(T0.plusSeconds(4), 10, 2)));
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).processedPerSecond()).isEqualTo(5.0);
        assertThat(rates.get(0).lostPerSecond()).isEqualTo(1.0);
        assertThat(rates.get(1).processedPerSecond()).isZero();
    }

    @Test
    void samplesCloserThanOneStepAreSkippedAndOldOnesForgotten() {
        ThroughputHistory history = new ThroughputHistory();
        history.record(T0, counters(0, 0, 0));
        history.record(T0.plusMillis(500), counters(5, 0, 0));
        history.record(T0.plusSeconds(2), counters(10, 1, 1));
        assertThat(history.rates()).hasSize(1);
        history.record(T0.plus(ThroughputHistory.WINDOW).plusSeconds(10), counters(20, 1, 1));
        assertThat(history.rates()).isEmpty();
    }

    @Test
    void theChartIsAnSvgWithOneLinePerSeriesScaledToThePeak() {
        List<Rate> rates = List.of(new Rate(T0, 0, 0), new Rate(T0.plusSeconds(2), 50, 0), new Rate(T0.plusSeconds(4), 100, 10));
        String svg = ThroughputChart.svg(rates);
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("peak 100.0")
                .contains("data-series=\"processed\"").contains("data-series=\"lost\"");
        // the peak reaches the top padding, zero sits on the bottom padding
        assertThat(svg).contains("596.0,4.0").contains("4.0,116.0");
    }

    @Test
    void anEmptyHistoryDrawsOnlyTheFrame() {
        assertThat(ThroughputChart.svg(List.of())).doesNotContain("polyline").contains("<rect");
    }
}
