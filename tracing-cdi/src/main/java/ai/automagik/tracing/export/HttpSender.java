package ai.automagik.tracing.export;

import ai.automagik.tracing.otlp.PartialSuccess;
import ai.automagik.tracing.spi.SendResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Posts OTLP/HTTP bodies in the settings' protocol: {@code Content-Type: application/json} exactly (no charset:
 * LangWatch's parser depends on it) or {@code application/x-protobuf}, gzip above a threshold, timeouts, and retries only for 429, 502, 503, 504 and
 * connection failures, honouring {@code Retry-After}. A request that times out is not retried: the
 * collector is slow, and retrying would stall the worker. Never throws.
 * <p>
 * Each request runs start to end on the calling export worker with the JDK's {@link HttpURLConnection}
 * (kept-alive connections are reused), which writes each request's headers and body in one piece: the
 * asynchronous {@code java.net.http.HttpClient} passed every batch through its selector and executor threads,
 * which cost more CPU than encoding the batch.
 */
public final class HttpSender implements AutoCloseable {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final Set<String> RESTRICTED_HEADERS = Set.of("content-type", "content-length", "content-encoding",
            "host", "connection", "expect", "upgrade", "transfer-encoding");
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final Authenticator NO_CREDENTIALS = new Authenticator() { };

    private final SenderSettings settings;
    private final URL endpoint;
    private final Map<String, String> extraHeaders;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final GzipPool gzip = new GzipPool();

    public HttpSender(SenderSettings settings) {
        this.settings = settings;
        try {
            this.endpoint = settings.endpoint().toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint is not an HTTP URL: " + e.getMessage(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        settings.headers().forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        this.extraHeaders = Map.copyOf(headers);
        this.connectTimeoutMillis = timeoutMillis(settings.connectTimeout());
        this.readTimeoutMillis = timeoutMillis(settings.requestTimeout());
    }

    public SenderSettings settings() {
        return settings;
    }

    /** Sends {@code encoded[0 .. length)}; the array is read during this call only. */
    public SendResult send(byte[] encoded, int length) {
        boolean compress = settings.gzipThresholdBytes() > 0 && length > settings.gzipThresholdBytes();
        GzipPool.Compressor compressor = compress ? gzip.take() : null;
        try {
            byte[] body = encoded;
            int bodyLength = length;
            if (compressor != null) {
                bodyLength = compressor.compress(encoded, length);
                body = compressor.output();
            }
            return sendWithRetries(body, bodyLength, compressor != null);
        } catch (RuntimeException e) {
            return new SendResult(false, -1, 0, "request not built: " + e.getClass().getSimpleName(), 0, null, -1);
        } finally {
            if (compressor != null) {
                gzip.give(compressor);
            }
        }
    }

    private SendResult sendWithRetries(byte[] body, int length, boolean gzipped) {
        int attempts = 0;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            attempts++;
            boolean last = attempts >= settings.maxAttempts();
            long waitMillis;
            HttpURLConnection connection = null;
            try {
                connection = open(length, gzipped);
                connect(connection);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body, 0, length);
                }
                int status = connection.getResponseCode();
                byte[] responseBody = readBounded(connection, status);
                if (status >= 200 && status < 300) {
                    PartialSuccess partial = settings.protocol().partialSuccess(responseBody);
                    return new SendResult(true, status, attempts, null, partial.rejected(), partial.message(), -1);
                }
                if (!RETRYABLE.contains(status)) {
                    return new SendResult(false, status, attempts, "HTTP " + status + retried(attempts), 0, null, -1);
                }
                long retryAfter = retryAfterMillis(connection.getHeaderField("Retry-After")).orElse(-1L);
                // a wait longer than this sender may sleep is not shortened: the exporter holds the destination
                if (last || retryAfter > settings.maxRetryDelay().toMillis()) {
                    return new SendResult(false, status, attempts, "HTTP " + status + retried(attempts), 0, null,
                            retryAfter);
                }
                waitMillis = retryAfter >= 0 ? retryAfter : jitter(backoff);
            } catch (ConnectTimeout e) {
                if (last) {
                    return failure(attempts, "connect timeout after " + settings.connectTimeout().toMillis() + " ms");
                }
                waitMillis = jitter(backoff);
            } catch (SocketTimeoutException e) {
                disconnect(connection);
                return failure(attempts, "timeout after " + settings.requestTimeout().toMillis() + " ms");
            } catch (ConnectException e) {
                if (last) {
                    return failure(attempts, "connection refused" + retried(attempts));
                }
                waitMillis = jitter(backoff);
            } catch (IOException e) {
                disconnect(connection);
                if (last) {
                    return failure(attempts, describe(e) + retried(attempts));
                }
                waitMillis = jitter(backoff);
            } catch (RuntimeException e) {
                disconnect(connection);
                return failure(attempts, "send failed: " + e.getClass().getSimpleName());
            }
            if (!sleep(waitMillis)) {
                return failure(attempts, "interrupted");
            }
            backoff = nextBackoff(backoff);
        }
    }

    private HttpURLConnection open(int length, boolean gzipped) throws IOException {
        // no proxy, as the JDK HttpClient used before: telemetry must not leak through a system-wide proxy setting
        HttpURLConnection connection = (HttpURLConnection) endpoint.openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(readTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        // not in streaming mode: the JDK then writes headers and body together, where streaming writes the
        // headers first and the body after them, which Nagle's algorithm holds until the collector acknowledges
        // the headers (it/bench/ExportCost.java round-trip: 1.4-1.7 ms per request on loopback instead of 0.3 ms,
        // and up to twice the CPU). The JDK may then post once more on a fresh connection when a kept-alive
        // one fails before any answer: a connection failure, which the retry rules allow.
        // a buffered request may be sent again with credentials when a 401 names a scheme: never with an
        // Authenticator the application installed for other hosts
        connection.setAuthenticator(NO_CREDENTIALS);
        connection.setRequestProperty("Content-Type", settings.protocol().contentType());
        if (gzipped) {
            connection.setRequestProperty("Content-Encoding", "gzip");
        }
        extraHeaders.forEach(connection::setRequestProperty);
        return connection;
    }

    private static void connect(HttpURLConnection connection) throws IOException {
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw new ConnectTimeout();
        }
    }

    /** A timeout while connecting, which is retried, unlike one while waiting for the answer. */
    private static final class ConnectTimeout extends IOException {
        ConnectTimeout() {
            super("connect timeout", null);
        }
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Reads at most 64 kB of the response and, when it was all read, leaves the connection for reuse. */
    private static byte[] readBounded(HttpURLConnection connection, int status) throws IOException {
        InputStream stream = responseStream(connection, status);
        if (stream == null) {
            return new byte[0];
        }
        try (InputStream in = stream) {
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES);
            if (in.read() >= 0) {
                connection.disconnect(); // an oversized answer: do not drain it
            }
            return body;
        }
    }

    private static InputStream responseStream(HttpURLConnection connection, int status) {
        try {
            return status < 400 ? connection.getInputStream() : connection.getErrorStream();
        } catch (IOException e) {
            return connection.getErrorStream();
        }
    }

    private static void disconnect(HttpURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
    }

    private long nextBackoff(long backoff) {
        return Math.min(backoff * 2, Math.max(FIRST_BACKOFF_MILLIS, settings.maxRetryDelay().toMillis()));
    }

    private boolean sleep(long waitMillis) {
        try {
            Thread.sleep(Math.min(waitMillis, settings.maxRetryDelay().toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.util.Optional<Long> retryAfterMillis(String header) {
        return java.util.Optional.ofNullable(header).flatMap(value -> {
            String v = value.strip();
            try {
                return java.util.Optional.of(Math.max(0, Long.parseLong(v)) * 1000);
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return java.util.Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at)
                            .toMillis()));
                } catch (RuntimeException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static long jitter(long millis) {
        return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    }

    private static String retried(int attempts) {
        return attempts > 1 ? " (" + attempts + " attempts)" : "";
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("reset") || message.contains("closed") || message.contains("eof")
                || message.contains("end of file") || message.contains("broken pipe")
                || message.contains("header parser")) {
            return "connection reset";
        }
        return "I/O error: " + e.getClass().getSimpleName();
    }

    private static SendResult failure(int attempts, String error) {
        return new SendResult(false, -1, attempts, error, 0, null, -1);
    }

    @Override
    public void close() {
        gzip.close();
    }
}
