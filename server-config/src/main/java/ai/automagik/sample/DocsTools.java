package ai.automagik.sample;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** The RAG agent's tool, called by the model through LangChain4j's AI service. */
public class DocsTools {

    @Tool("Adds two whole numbers")
    public long add(@P("the first number") long a, @P("the second number") long b) {
        return Math.addExact(a, b);
    }
}
