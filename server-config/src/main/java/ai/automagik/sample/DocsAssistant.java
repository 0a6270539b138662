package ai.automagik.sample;

import dev.langchain4j.service.SystemMessage;

/** The RAG agent's LangChain4j AI service: answers questions about Automagik Tracing from its documentation. */
public interface DocsAssistant {

    @SystemMessage("You answer questions about Automagik Tracing from its documentation, and add numbers with the"
            + " add tool.")
    String answer(String question);
}
