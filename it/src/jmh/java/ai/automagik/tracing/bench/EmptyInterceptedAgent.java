package ai.automagik.tracing.bench;

import jakarta.enterprise.context.ApplicationScoped;

/** The same method behind an interceptor that does nothing. */
@ApplicationScoped
public class EmptyInterceptedAgent {

    @EmptyBinding
    public int work(int input) {
        return input * 31 + 7;
    }
}
