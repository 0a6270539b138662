package ai.automagik.sample;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;

import java.util.Locale;
import java.util.regex.Pattern;

/** The RAG agent's input guardrail: a question asking for credentials never reaches the model. */
public class NoSecretRequests implements InputGuardrail {

    private static final Pattern CREDENTIALS = Pattern.compile("\\b(password|passwd|secret|api[ _-]?key|token)s?\\b");

    @Override
    public InputGuardrailResult validate(UserMessage message) {
        String text = message.hasSingleText() ? message.singleText() : message.toString();
        return CREDENTIALS.matcher(text.toLowerCase(Locale.ROOT)).find()
                ? fatal("the question asks for credentials") : success();
    }
}
