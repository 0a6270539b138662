package ai.automagik.tracing.admin;

import ai.automagik.tracing.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The telemetry pipeline's counters over the last minutes, sampled whenever a console view polls (at
 * most every {@link #STEP}), so no thread of its own runs while nobody looks.
 */
@ApplicationScoped
public class ThroughputHistory {

    static final Duration STEP = Duration.ofSeconds(2);
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** The counters at one instant. */
    public record Sample(Instant at, long processed, long lost) {
    }

    /** Events per second between two samples. */
    public record Rate(Instant at, double processedPerSecond, double lostPerSecond) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    public void record(Instant now, PipelineMetrics metrics) {
        synchronized (samples) {
            Sample last = samples.peekLast();
            if (last != null && Duration.between(last.at(), now).compareTo(STEP) < 0) {
                return;
            }
            samples.addLast(new Sample(now, metrics.processed(), metrics.dropped() + metrics.failed()));
            while (Duration.between(samples.peekFirst().at(), now).compareTo(WINDOW) > 0) {
                samples.removeFirst();
            }
        }
    }

    public List<Rate> rates() {
        List<Sample> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        return rates(copy);
    }

    static List<Rate> rates(List<Sample> samples) {
        List<Rate> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample before = samples.get(i - 1);
            Sample after = samples.get(i);
            double seconds = Math.max(0.001, Duration.between(before.at(), after.at()).toMillis() / 1000.0);
            rates.add(new Rate(after.at(), Math.max(0, after.processed() - before.processed()) / seconds,
                    Math.max(0, after.lost() - before.lost()) / seconds));
        }
        return rates;
    }
}
