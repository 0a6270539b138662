package ai.automagik.tracing;

/** Restores the previous current context of the thread when closed. */
@FunctionalInterface
public interface Scope extends AutoCloseable {

    Scope NOOP = () -> { };

    @Override
    void close();
}
