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

    /**
     * How much of a too-large body is still read (and thrown away) before answering, so that a client
     * that sends it whole before reading the answer gets the 413 (over HTTP/2 the server's flow control
     * would otherwise leave it waiting); a larger body is not read further at all.
     */
    static final int DISCARD_LIMIT = 1024 * 1024;

    private BoundedBody() {
    }

    /** Reads and drops what is left of a refused body, up to {@link #DISCARD_LIMIT} bytes; never throws. */
    static void discardRest(InputStream in, long declaredLength, int limit) {
        if (declaredLength > (long) limit + DISCARD_LIMIT) {
            return;
        }
        try {
            long left = DISCARD_LIMIT;
            byte[] scrap = new byte[8192];
            int read;
            while (left > 0 && (read = in.read(scrap, 0, (int) Math.min(scrap.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException e) {
            // the client gave up: nothing more to read
        }
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
