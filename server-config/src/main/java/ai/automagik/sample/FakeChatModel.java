package ai.automagik.sample;

import ai.automagik.tracing.langchain4j.TracingChatModelListener;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A deterministic LangChain4j {@link ChatModel} standing in for a real one (no network): it answers from
 * the prompt and counts words as tokens. Tracing comes from LangChain4j's own listener mechanism: the
 * product's {@link TracingChatModelListener} records each call, as it would for OpenAI or Anthropic models.
 */
@ApplicationScoped
public class FakeChatModel implements ChatModel {

    static final String MODEL = "fake-gpt-mini";

    @Inject
    TracingChatModelListener tracing;

    /** Convenience for the sample agents: a system prompt and one user message. */
    public String chat(String systemPrompt, String userMessage) {
        ChatRequest request = ChatRequest.builder().modelName(MODEL).temperature(0.0).maxOutputTokens(256)
                .messages(SystemMessage.from(systemPrompt), UserMessage.from(userMessage)).build();
        return chat(request).aiMessage().text();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = "";
        long inputTokens = 0;
        for (ChatMessage message : request.messages()) {
            if (message instanceof UserMessage user && user.hasSingleText()) {
                prompt = user.singleText();
            }
            inputTokens += tokens(message instanceof UserMessage user && user.hasSingleText() ? user.singleText()
                    : message instanceof SystemMessage system ? system.text() : "");
        }
        String answer = "You said: " + prompt.strip();
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).modelName(MODEL + "-2026-01")
                .tokenUsage(new TokenUsage((int) inputTokens, (int) tokens(answer))).finishReason(FinishReason.STOP)
                .build();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of(tracing);
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    static long tokens(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
