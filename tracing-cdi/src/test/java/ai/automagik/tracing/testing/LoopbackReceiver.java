package ai.automagik.tracing.testing;

import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP/1.1 receiver on 127.0.0.1 and a free port, for tests of the export path. It records every
 * request and answers as its current {@link Behaviour} says, including misbehaving at the TCP level
 * (a reset in the middle of a response). Supports keep-alive, Content-Length and chunked bodies, gzip.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** One recorded request; header names are lower case, the body is decoded (gunzipped). */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, Instant at) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How the receiver answers. */
    public interface Behaviour {
        /** Handles one request; returns false to close the connection. */
        boolean respond(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException;

        static Behaviour ok() {
            return status(200);
        }

        static Behaviour status(int code) {
            return status(code, Map.of());
        }

        static Behaviour status(int code, Map<String, String> headers) {
            return (request, socket, out) -> write(out, code, headers, "{}");
        }

        static Behaviour tooManyRequests(int retryAfterSeconds) {
            return (request, socket, out) -> write(out, 429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), "{}");
        }

        static Behaviour delay(Duration delay) {
            return (request, socket, out) -> {
                Thread.sleep(delay.toMillis());
                return write(out, 200, Map.of(), "{}");
            };
        }

        static Behaviour partialSuccess(long rejected, String message) {
            return (request, socket, out) -> write(out, 200, Map.of(),
                    "{\"partialSuccess\":{\"rejectedSpans\":\"" + rejected + "\",\"errorMessage\":\"" + message + "\"}}");
        }

        /** A collector's answer to OTLP/HTTP protobuf: an empty {@code ExportTraceServiceResponse}. */
        static Behaviour protobufOk() {
            return protobufPartialSuccess(0, "");
        }

        /** A protobuf {@code ExportTraceServiceResponse} rejecting {@code rejected} spans (none: empty). */
        static Behaviour protobufPartialSuccess(long rejected, String message) {
            byte[] body = rejected == 0 && message.isEmpty() ? new byte[0] : ExportTraceServiceResponse.newBuilder()
                    .setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected)
                            .setErrorMessage(message)).build().toByteArray();
            return (request, socket, out) -> write(out, 200, Map.of(), "application/x-protobuf", body);
        }

        /** Starts a response promising more bytes than it sends, then resets the connection. */
        static Behaviour resetMidBody() {
            return (request, socket, out) -> {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"partial"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            };
        }

        /** One behaviour per request, in order; the last one repeats. */
        static Behaviour sequence(Behaviour... behaviours) {
            List<Behaviour> list = List.of(behaviours);
            int[] next = {0};
            return (request, socket, out) -> {
                Behaviour current;
                synchronized (next) {
                    current = list.get(Math.min(next[0], list.size() - 1));
                    next[0]++;
                }
                return current.respond(request, socket, out);
            };
        }

        private static boolean write(OutputStream out, int code, Map<String, String> headers, String body)
                throws IOException {
            return write(out, code, headers, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        private static boolean write(OutputStream out, int code, Map<String, String> headers, String contentType,
                byte[] bytes) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length)
                    .append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return true;
        }

        private static String reason(int code) {
            return switch (code) {
                case 200 -> "OK";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ok();
    private volatile boolean closed;

    private LoopbackReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public static LoopbackReceiver start() {
        try {
            return new LoopbackReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on (connections are refused). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public void setBehaviour(Behaviour value) {
        behaviour = value;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** Waits until at least {@code count} requests arrived; false on timeout. */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (!closed) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!behaviour.respond(request, socket, out)
                        || "close".equalsIgnoreCase(request.headers().get("connection"))) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the receiver is closing
        } finally {
            sockets.remove(socket);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("body cut short");
            }
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gzip.readAllBytes();
            }
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers, body, Instant.now());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > 64 * 1024) {
                throw new IOException("header line too long");
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
