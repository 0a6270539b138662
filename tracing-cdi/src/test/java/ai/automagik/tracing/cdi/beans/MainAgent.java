package ai.automagik.tracing.cdi.beans;

import ai.automagik.tracing.TracedAgent;
import ai.automagik.tracing.TracedCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An application-scoped agent calling tools, a nested agent, and asynchronous work. */
@ApplicationScoped
public class MainAgent {

    @Inject
    ResearchTool tool;

    private CompletableFuture<String> pending;

    @TracedAgent(value = "main", framework = "test")
    public String run(String message) {
        return tool.search(message, "sk-test-secret-value") + " / " + tool.askExpert(message);
    }

    @TracedAgent("failing")
    public String fail() throws IOException {
        return tool.explode();
    }

    @TracedAgent("async")
    public CompletionStage<String> runLater(String message) {
        pending = new CompletableFuture<>();
        return pending;
    }

    /** The stage handed out by the last {@link #runLater} call, for the test to complete. */
    public CompletableFuture<String> pending() {
        return pending;
    }

    @TracedCommand("deploy")
    public int deploy() {
        return 0;
    }
}
