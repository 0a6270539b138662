package ai.automagik.sample;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One LLM call and two tool executions: a web search and a calculation. */
@ApplicationScoped
public class ResearcherAgent implements Agent {

    @Inject
    FakeChatModel model;

    @Inject
    WebSearchTool search;

    @Inject
    CalculatorTool calculator;

    @Override
    public String name() {
        return "researcher";
    }

    @Override
    public String description() {
        return "Searches, calculates, then answers (one LLM call, two tools)";
    }

    @Override
    @TracedAgent(value = "researcher", framework = "automagik-sample")
    public String run(String message) {
        String findings = search.search(message);
        long words = calculator.add(FakeChatModel.tokens(message), FakeChatModel.tokens(findings));
        return model.chat("Summarise the findings in " + words + " words or fewer.", findings);
    }
}
