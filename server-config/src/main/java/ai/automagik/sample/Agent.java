package ai.automagik.sample;

/** A sample agent: answers a message, deterministically, with a local fake model. */
public interface Agent {

    String name();

    String description();

    String run(String message);

    /** Whether what the agent needs was deployed with the application (the RAG agent's embedding runtime). */
    default boolean available() {
        return true;
    }
}
