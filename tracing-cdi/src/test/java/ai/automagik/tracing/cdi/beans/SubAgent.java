package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped agent whose method name is its agent name. */
@RequestScoped
public class SubAgent {

    @TracedAgent(framework = "test")
    public String answer(String question) {
        return "expert says: " + question;
    }
}
