package ai.automagik.tracing.trace;

/**
 * What a span stands for. The span records it; processors decide what it means (its telemetry event, its
 * GenAI metrics) and the conventions mapping, on export, which attributes it gets.
 */
public enum SpanRole {
    GENERIC("span"),
    AGENT("agent"),
    TOOL("tool"),
    LLM("llm"),
    COMMAND("command"),
    EMBEDDINGS("embeddings"),
    RETRIEVAL("retrieval");

    private final String label;

    SpanRole(String label) {
        this.label = label;
    }

    /** The role's name as providers read it ({@code ExportedSpan.role()}). */
    public String label() {
        return label;
    }
}
