package ai.automagik.tracing.bench;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;

/** A bean method with the agent binding. */
@ApplicationScoped
public class InterceptedAgent {

    @TracedAgent("bench")
    public int work(int input) {
        return input * 31 + 7;
    }
}
