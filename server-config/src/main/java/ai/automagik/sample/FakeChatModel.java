package ai.automagik.sample;

import ai.automagik.tracing.LlmSpan;
import ai.automagik.tracing.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A deterministic stand-in for a chat model (no network): answers from the prompt, counts words as
 * tokens, and records the call the way a real model client would, with {@link Tracer#startLlmCall}.
 */
@ApplicationScoped
public class FakeChatModel {

    static final String PROVIDER = "fake";
    static final String MODEL = "fake-gpt-mini";

    @Inject
    Tracer tracer;

    public String chat(String systemPrompt, String userMessage) {
        try (LlmSpan call = tracer.startLlmCall(PROVIDER, MODEL)) {
            call.parameter("temperature", 0.0).parameter("max_tokens", 256L)
                    .inputMessage("system", systemPrompt).inputMessage("user", userMessage);
            String answer = "You said: " + userMessage.strip();
            call.responseModel(MODEL + "-2026-01").usage(tokens(systemPrompt) + tokens(userMessage), tokens(answer))
                    .finishReason("stop").outputMessage("assistant", answer);
            return answer;
        }
    }

    static long tokens(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
