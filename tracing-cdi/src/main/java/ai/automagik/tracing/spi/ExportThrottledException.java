package ai.automagik.tracing.spi;

/**
 * The collector answered 429 until the sender gave up: thrown inside the circuit breaker, which is told to
 * fail only on {@link ExportFailedException}, so that throttling never opens it.
 */
public final class ExportThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SendResult result;

    public ExportThrottledException(SendResult result) {
        super(result.error(), null, false, false);
        this.result = result;
    }

    public SendResult result() {
        return result;
    }
}
