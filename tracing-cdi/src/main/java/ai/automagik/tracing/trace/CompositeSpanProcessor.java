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

    /**
     * The processors in order; one of them alone is returned as it is. Up to four run from call sites of their
     * own (each sees one processor class, so the JIT inlines it), more from a loop.
     */
    public static SpanProcessor of(List<SpanProcessor> processors) {
        return switch (processors.size()) {
            case 1 -> processors.get(0);
            case 2 -> new Chain(processors.get(0), processors.get(1), SpanProcessor.NONE, SpanProcessor.NONE);
            case 3 -> new Chain(processors.get(0), processors.get(1), processors.get(2), SpanProcessor.NONE);
            case 4 -> new Chain(processors.get(0), processors.get(1), processors.get(2), processors.get(3));
            default -> new CompositeSpanProcessor(processors);
        };
    }

    /** Four processors, each called from its own call site. */
    private record Chain(SpanProcessor first, SpanProcessor second, SpanProcessor third, SpanProcessor fourth)
            implements SpanProcessor {

        @Override
        public void onEnd(ReadableSpan span) {
            run(first, span);
            runSecond(span);
            runThird(span);
            runFourth(span);
        }

        private void runFourth(ReadableSpan span) {
            try {
                fourth.onEnd(span);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A span processor failed; the others still ran", e);
            }
        }

        private void runSecond(ReadableSpan span) {
            try {
                second.onEnd(span);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A span processor failed; the others still ran", e);
            }
        }

        private void runThird(ReadableSpan span) {
            try {
                third.onEnd(span);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A span processor failed; the others still ran", e);
            }
        }

        private static void run(SpanProcessor processor, ReadableSpan span) {
            try {
                processor.onEnd(span);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A span processor failed; the others still ran", e);
            }
        }

        @Override
        public void shutdown() {
            first.shutdown();
            second.shutdown();
            third.shutdown();
            fourth.shutdown();
        }
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
