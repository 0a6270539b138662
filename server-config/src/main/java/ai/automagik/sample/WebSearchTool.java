package ai.automagik.sample;

import ai.automagik.tracing.TracedTool;
import jakarta.enterprise.context.ApplicationScoped;

/** A deterministic fake web search. */
@ApplicationScoped
@TracedTool("web_search")
public class WebSearchTool {

    public String search(String query) {
        return "Top result for '" + query.strip() + "': the answer is documented in the project README.";
    }
}
