package ai.automagik.tracing.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A streaming model that answers on a thread of its own, as a provider's HTTP client does: two chunks
 * after a short wait, then the complete response (or an error for a prompt of "fail").
 */
final class FakeStreamingChatModel implements StreamingChatModel {

    private final ExecutorService streams = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fake-model-stream");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        String prompt = String.valueOf(request.messages().get(request.messages().size() - 1));
        streams.execute(() -> {
            try {
                Thread.sleep(30);
                if (prompt.contains("fail")) {
                    handler.onError(new IllegalStateException("stream broke"));
                    return;
                }
                handler.onPartialResponse("Hel");
                Thread.sleep(10);
                handler.onPartialResponse("lo");
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Hello"))
                        .modelName("fake-stream-1").tokenUsage(new TokenUsage(5, 2)).finishReason(FinishReason.STOP).build());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    void close() {
        streams.shutdownNow();
    }
}
