package ai.automagik.sample;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/** The RAG agent's output guardrail: an empty answer is an error, not a reply. */
public class GroundedAnswer implements OutputGuardrail {

    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
        return answer.text() == null || answer.text().isBlank() ? fatal("the model gave no answer") : success();
    }
}
