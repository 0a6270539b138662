package ai.automagik.tracing.spi;

/** An unsuccessful export request, thrown inside the circuit breaker so that it counts as a failure. */
public final class ExportFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SendResult result;

    public ExportFailedException(SendResult result) {
        super(result.error(), null, false, false);
        this.result = result;
    }

    public SendResult result() {
        return result;
    }
}
