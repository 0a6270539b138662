package ai.automagik.tracing.trace;

/**
 * The parts of a model call's token usage that providers report separately: input tokens read from and written to
 * the prompt cache, and output tokens spent reasoning. Each is -1 when not reported, and each is already included in
 * the call's input or output count.
 */
public record CachedUsage(long cacheReadInputTokens, long cacheCreationInputTokens, long reasoningOutputTokens) {

    public static final CachedUsage NONE = new CachedUsage(-1, -1, -1);
}
