package ai.automagik.sample;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One LLM call. */
@ApplicationScoped
public class SimpleAgent implements Agent {

    @Inject
    FakeChatModel model;

    @Override
    public String name() {
        return "simple";
    }

    @Override
    public String description() {
        return "Answers with one LLM call";
    }

    @Override
    @TracedAgent(value = "simple", framework = "automagik-sample")
    public String run(String message) {
        return model.chat("You are a helpful assistant.", message);
    }
}
