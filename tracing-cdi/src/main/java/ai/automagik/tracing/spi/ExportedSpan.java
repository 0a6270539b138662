package ai.automagik.tracing.spi;

/** What a {@link SpanConvention} can read of an ended span on its way to a provider. */
public interface ExportedSpan {

    /** What the span stands for: {@code agent}, {@code tool}, {@code llm}, {@code command}, or {@code span}. */
    String role();

    String name();

    /** An attribute as it will be sent (GenAI conventions applied), null when absent. */
    Object attribute(String key);

    /** The content given to {@code Span.setInput}, secrets masked; null when none or content capture is off. */
    String input();

    /** The content given to {@code Span.setOutput}, secrets masked; null when none or content capture is off. */
    String output();

    /** The trace's conversation id ({@code Span.setConversation}), null when none. */
    String conversationId();

    /** The trace's user id ({@code Span.setConversation}), null when none. */
    String userId();
}
