package ai.automagik.sample;

import ai.automagik.tracing.TracedTool;
import jakarta.enterprise.context.ApplicationScoped;

/** A calculator tool. */
@ApplicationScoped
@TracedTool("calculator")
public class CalculatorTool {

    public long add(long a, long b) {
        return Math.addExact(a, b);
    }
}
