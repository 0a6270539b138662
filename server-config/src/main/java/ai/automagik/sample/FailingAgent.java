package ai.automagik.sample;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls a tool that always throws, to show how failures are traced and reported. */
@ApplicationScoped
public class FailingAgent implements Agent {

    @Inject
    BrokenLookupTool lookup;

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public String description() {
        return "Calls a tool that fails (answers 500)";
    }

    @Override
    @TracedAgent(value = "failing", framework = "automagik-sample")
    public String run(String message) {
        return lookup.lookup(message);
    }
}
