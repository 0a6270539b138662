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
    void theChartPlotsBothSeriesOnAFixedTimeAxisScaledToThePeakWithItsScaleBeside() {
        Instant now = T0.plus(ThroughputHistory.WINDOW);
        List<Rate> rates = List.of(new Rate(T0, 0, 0), new Rate(now.minusSeconds(150), 50, 0), new Rate(now, 100, 10));
        String html = ThroughputChart.html(rates, now, ThroughputHistory.WINDOW);
        assertThat(html).startsWith("<div").endsWith("</div>").contains("peak 100.0")
                .contains("data-series=\"processed\"").contains("data-series=\"lost\"")
                .contains("<span data-axis=\"y-max\">100/s</span>").contains("<span>50/s</span>")
                .contains("<span data-axis=\"y-min\">0/s</span>").contains(">5 min ago<").contains(">2 min 30 s ago<")
                .contains("<span data-axis=\"x-max\">now</span>").doesNotContain("No data yet");
        // the oldest sample on the left edge at zero, the middle one half-way, the newest at the peak on the right
        assertThat(html).contains("4.0,116.0").contains("300.0,60.0").contains("596.0,4.0");
    }

    @Test
    void beforeTwoSamplesTheChartSaysThereIsNoDataYet() {
        String html = ThroughputChart.html(List.of(new Rate(T0, 3, 0)), T0, ThroughputHistory.WINDOW);
        assertThat(html).contains("No data yet").contains("data-chart=\"empty\"").doesNotContain("polyline")
                .contains(">now<");
    }
}
