package ai.automagik.tracing.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A POST of a huge body over a plain non-blocking socket that stops writing as soon as the server
 * answers (an HTTP client library would insist on sending the whole body first), so a test can tell how
 * much the server took before refusing it. Declares 1 GiB (or sends chunks) but sends at most
 * {@code maxBytes}, and gives up after a minute.
 */
record RawUpload(String statusLine, String body, long bytesSent) {

    static RawUpload post(URL base, String path, boolean chunked, long maxBytes) throws IOException, InterruptedException {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()))) {
            channel.configureBlocking(false);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: 1073741824\r\n\r\n");
            writeFully(channel, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            byte[] data = new byte[64 * 1024];
            Arrays.fill(data, (byte) 'a');
            byte[] piece = chunked ? chunk(data) : data;
            ByteBuffer out = ByteBuffer.wrap(piece);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long sent = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean open = true;
            while (System.nanoTime() < deadline && !answered(answer) && open) {
                if (sent < maxBytes) {
                    try {
                        if (!out.hasRemaining()) {
                            out.rewind();
                        }
                        int written = channel.write(out);
                        sent += written;
                        if (written == 0) {
                            Thread.sleep(1);
                        }
                    } catch (IOException e) {
                        open = false; // the server closed the connection, usually right after answering
                    }
                } else {
                    Thread.sleep(10);
                }
                try {
                    in.clear();
                    int read = channel.read(in);
                    if (read < 0) {
                        break;
                    }
                    answer.write(in.array(), 0, read);
                } catch (IOException e) {
                    break;
                }
            }
            drain(channel, in, answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            return new RawUpload(text.lines().findFirst().orElse("(no answer)"),
                    headEnd < 0 ? "" : text.substring(headEnd + 4), sent);
        }
    }

    private static byte[] chunk(byte[] data) {
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] piece = new byte[size.length + data.length + 2];
        System.arraycopy(size, 0, piece, 0, size.length);
        System.arraycopy(data, 0, piece, size.length, data.length);
        piece[piece.length - 2] = '\r';
        piece[piece.length - 1] = '\n';
        return piece;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException, InterruptedException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                Thread.sleep(1);
            }
        }
    }

    /** Whatever of the answer still arrives within a second. */
    private static void drain(SocketChannel channel, ByteBuffer in, ByteArrayOutputStream answer) throws InterruptedException {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                in.clear();
                int read = channel.read(in);
                if (read < 0) {
                    return;
                }
                answer.write(in.array(), 0, read);
                if (read == 0) {
                    Thread.sleep(10);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static boolean answered(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        return headEnd >= 0 && text.length() > headEnd + 4;
    }
}
