package ai.automagik.tracing.trace;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs several processors in order; one that fails does not keep the others from running. */
public final class CompositeSpanProcessor implements SpanProcessor {

    private static final Logger LOG = Logger.getLogger(CompositeSpanProcessor.class.getName());

    private final SpanProcessor[] processors;

    private CompositeSpanProcessor(List<SpanProcessor> processors) {
        this.processors = processors.toArray(new SpanProcessor[0]);
    }

    /** The processors in order; one of them alone is returned as it is. */
    public static SpanProcessor of(List<SpanProcessor> processors) {
        return processors.size() == 1 ? processors.get(0) : new CompositeSpanProcessor(processors);
    }

    @Override
    public void onEnd(ReadableSpan span) {
        for (SpanProcessor processor : processors) {
            try {
                processor.onEnd(span);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A span processor failed; the others still ran", e);
            }
        }
    }

    @Override
    public void shutdown() {
        for (SpanProcessor processor : processors) {
            processor.shutdown();
        }
    }
}
