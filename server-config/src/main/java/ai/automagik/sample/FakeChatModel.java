package ai.automagik.sample;

import ai.automagik.tracing.langchain4j.TracingChatModelListener;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic LangChain4j {@link ChatModel} standing in for a real one (no network): it answers from
 * the prompt (from the retrieved documents when RAG added them), asks for the {@code add} tool when offered it and
 * the question adds two numbers, and counts words as tokens. Tracing comes from LangChain4j's own listener mechanism: the
 * product's {@link TracingChatModelListener} records each call, as it would for OpenAI or Anthropic models.
 */
@ApplicationScoped
public class FakeChatModel implements ChatModel {

    static final String MODEL = "fake-gpt-mini";
    /** What LangChain4j's default content injector puts before the retrieved segments. */
    private static final String RETRIEVED = "Answer using the following information:";
    private static final Pattern SUM = Pattern.compile("(-?\\d{1,12})\\s*\\+\\s*(-?\\d{1,12})");

    @Inject
    TracingChatModelListener tracing;

    /** Convenience for the sample agents: a system prompt and one user message, sent with the default parameters. */
    public String chat(String systemPrompt, String userMessage) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt), UserMessage.from(userMessage)).build();
        return chat(request).aiMessage().text();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = "";
        String toolResult = null;
        long inputTokens = 0;
        for (ChatMessage message : request.messages()) {
            String text = text(message);
            if (message instanceof UserMessage) {
                prompt = text;
            }
            if (message instanceof ToolExecutionResultMessage result) {
                toolResult = result.text();
            }
            inputTokens += tokens(text);
        }
        Matcher sum = SUM.matcher(prompt);
        AiMessage answer;
        FinishReason finish = FinishReason.STOP;
        if (toolResult == null && sum.find() && offers(request, "add")) {
            answer = AiMessage.from(ToolExecutionRequest.builder().id("call_" + Long.toHexString(prompt.hashCode()))
                    .name("add").arguments("{\"a\":" + sum.group(1) + ",\"b\":" + sum.group(2) + "}").build());
            finish = FinishReason.TOOL_EXECUTION;
        } else {
            answer = AiMessage.from(answer(prompt, toolResult));
        }
        return ChatResponse.builder().aiMessage(answer).modelName(MODEL + "-2026-01")
                .tokenUsage(new TokenUsage((int) inputTokens, (int) tokens(text(answer)))).finishReason(finish)
                .build();
    }

    /** From the retrieved information when LangChain4j's RAG added it to the prompt, else an echo; a tool's result added. */
    private static String answer(String prompt, String toolResult) {
        int retrieved = prompt.indexOf(RETRIEVED);
        String answer = retrieved < 0 ? "You said: " + prompt.strip()
                : "According to the documentation: " + firstSentence(prompt.substring(retrieved + RETRIEVED.length()));
        return toolResult == null ? answer : answer + " The sum is " + toolResult.strip() + ".";
    }

    private static String firstSentence(String segments) {
        String stripped = segments.strip().split("\\R\\s*\\R", 2)[0];
        int end = stripped.indexOf(". ");
        return end < 0 ? stripped : stripped.substring(0, end + 1);
    }

    private static boolean offers(ChatRequest request, String tool) {
        List<ToolSpecification> tools = request.toolSpecifications();
        return tools != null && tools.stream().anyMatch(spec -> spec.name().equals(tool));
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : "";
        }
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof AiMessage ai) {
            return ai.hasToolExecutionRequests() ? ai.toolExecutionRequests().get(0).arguments()
                    : ai.text() == null ? "" : ai.text();
        }
        return message instanceof ToolExecutionResultMessage result ? result.text() : "";
    }

    /** What a request is sent with where it names no model or parameters (LangChain4j merges these in). */
    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().modelName(MODEL).temperature(0.0).maxOutputTokens(256).build();
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
