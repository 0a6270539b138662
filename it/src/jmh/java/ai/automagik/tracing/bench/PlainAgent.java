package ai.automagik.tracing.bench;

import jakarta.enterprise.context.ApplicationScoped;

/** The same method without the binding: the baseline of a CDI business-method call. */
@ApplicationScoped
public class PlainAgent {

    public int work(int input) {
        return input * 31 + 7;
    }
}
