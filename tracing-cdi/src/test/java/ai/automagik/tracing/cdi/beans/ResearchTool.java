package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.TracedTool;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.io.IOException;

/** A dependent-scoped tool bean: every method is a tool, named after the class unless overridden. */
@Dependent
@TracedTool
public class ResearchTool {

    @Inject
    SubAgent subAgent;

    public String search(String query, String apiKey) {
        return "found " + query;
    }

    @TracedTool(value = "ask_expert", description = "asks the expert agent")
    public String askExpert(String question) {
        return subAgent.answer(question);
    }

    public String explode() throws IOException {
        throw new IOException("disk on fire");
    }
}
