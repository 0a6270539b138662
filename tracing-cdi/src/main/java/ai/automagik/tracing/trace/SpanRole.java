package ai.automagik.tracing.trace;

/** What a span stands for, which decides its semantic-convention attributes and its telemetry event. */
enum SpanRole {
    GENERIC(null),
    AGENT("agent"),
    TOOL("tool"),
    LLM("llm"),
    COMMAND("span");

    private final String langwatchType;

    SpanRole(String langwatchType) {
        this.langwatchType = langwatchType;
    }

    String langwatchType() {
        return langwatchType;
    }
}
