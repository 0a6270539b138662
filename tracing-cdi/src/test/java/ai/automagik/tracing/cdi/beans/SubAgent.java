package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped agent whose method name is its agent name. */
@RequestScoped
public class SubAgent {

    @TracedAgent(framework = "test", id = "agent-expert", version = "3.2", description = "answers as an expert")
    public String answer(String question) {
        return "expert says: " + question;
    }
}
