package ai.automagik.sample;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most a given size. A larger body is refused as soon as its declared length
 * or the bytes read so far pass the limit, so a client cannot make the server hold more than that.
 */
final class BoundedBody {

    /** The body is larger than the limit; answer 413. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("request body too large: at most " + limit + " bytes");
        }
    }

    private BoundedBody() {
    }

    /**
     * The whole of {@code in}, or {@link TooLargeException} once more than {@code limit} bytes are
     * declared ({@code declaredLength}, -1 when unknown) or arrive.
     */
    static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw new TooLargeException(limit);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new TooLargeException(limit);
        }
        return body;
    }
}
