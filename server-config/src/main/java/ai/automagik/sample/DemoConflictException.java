package ai.automagik.sample;

/** An application exception that its own mapper turns into 409 Conflict. */
public class DemoConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoConflictException(String message) {
        super(message);
    }
}
