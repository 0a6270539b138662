package ai.automagik.tracing.spi;

/**
 * How one export request ended.
 *
 * @param statusCode the last HTTP status, -1 when no response arrived (refused, reset, timeout)
 * @param attempts requests made, retries included
 * @param error a short description for operators ("HTTP 500", "timeout after 2000 ms"); never holds a
 *        header value or the request body
 * @param rejectedItems spans the collector rejected in a {@code partialSuccess}
 * @param retryAfterMillis the last answer's {@code Retry-After} in milliseconds, -1 when it had none
 */
public record SendResult(boolean success, int statusCode, int attempts, String error, long rejectedItems,
        String partialSuccessMessage, long retryAfterMillis) {

    public static final int TOO_MANY_REQUESTS = 429;

    /** The collector asked us to slow down: not a failure of the collector, so no circuit breaker counts it. */
    public boolean throttled() {
        return statusCode == TOO_MANY_REQUESTS;
    }
}
