package ai.automagik.sample;

import ai.automagik.tracing.TracedTool;
import jakarta.enterprise.context.ApplicationScoped;

/** A tool whose backend is always down. */
@ApplicationScoped
@TracedTool("knowledge_lookup")
public class BrokenLookupTool {

    public String lookup(String query) {
        throw new IllegalStateException("knowledge base unavailable");
    }
}
