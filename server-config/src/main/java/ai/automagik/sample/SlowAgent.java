package ai.automagik.sample;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Takes longer than the slow threshold ({@code AUTOMAGIK_SAMPLE_SLOW_MS}, default 1,500 ms), to show slow traces. */
@ApplicationScoped
public class SlowAgent implements Agent {

    @Inject
    @ConfigProperty(name = "automagik.sample.slow.ms", defaultValue = "1500")
    long slowMillis;

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public String description() {
        return "Answers after AUTOMAGIK_SAMPLE_SLOW_MS (slower than the slow threshold)";
    }

    @Override
    @TracedAgent(value = "slow", framework = "automagik-sample")
    public String run(String message) {
        try {
            Thread.sleep(Math.max(0, Math.min(slowMillis, 60_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "took " + slowMillis + " ms to answer: " + message;
    }
}
