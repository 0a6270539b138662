package ai.automagik.tracing.export;

import ai.automagik.tracing.otlp.PartialSuccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Posts OTLP/HTTP JSON bodies with the JDK's {@link HttpClient}: {@code Content-Type: application/json}
 * exactly (no charset: LangWatch's parser depends on it), gzip above a threshold, timeouts, and retries
 * only for 429, 502, 503, 504 and connection failures, honouring {@code Retry-After}. A request that
 * times out is not retried: the collector is slow, and retrying would stall the worker. Never throws.
 */
public final class HttpSender implements AutoCloseable {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final Set<String> RESTRICTED_HEADERS = Set.of("content-type", "content-length", "content-encoding",
            "host", "connection", "expect", "upgrade", "transfer-encoding");
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final SenderSettings settings;
    private final ExecutorService executor;
    private final HttpClient client;

    public HttpSender(SenderSettings settings) {
        this.settings = settings;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "automagik-tracing-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build();
    }

    public SenderSettings settings() {
        return settings;
    }

    public SendResult send(byte[] jsonBody) {
        return send(jsonBody, jsonBody.length);
    }

    /** Sends {@code jsonBody[0 .. length)}; the array is read during this call only. */
    public SendResult send(byte[] jsonBody, int length) {
        HttpRequest request;
        try {
            request = request(jsonBody, length);
        } catch (IOException | RuntimeException e) {
            return new SendResult(false, -1, 0, "request not built: " + e.getClass().getSimpleName(), 0, null);
        }
        int attempts = 0;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            attempts++;
            boolean last = attempts >= settings.maxAttempts();
            long waitMillis;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                byte[] body = readBounded(response.body());
                if (status >= 200 && status < 300) {
                    PartialSuccess partial = PartialSuccess.parse(body);
                    return new SendResult(true, status, attempts, null, partial.rejected(), partial.message());
                }
                if (!RETRYABLE.contains(status) || last) {
                    return new SendResult(false, status, attempts, "HTTP " + status + retried(attempts), 0, null);
                }
                waitMillis = retryAfterMillis(response).orElse(jitter(backoff));
            } catch (HttpConnectTimeoutException e) {
                if (last) {
                    return failure(attempts, "connect timeout after " + settings.connectTimeout().toMillis() + " ms");
                }
                waitMillis = jitter(backoff);
            } catch (HttpTimeoutException e) {
                return failure(attempts, "timeout after " + settings.requestTimeout().toMillis() + " ms");
            } catch (ConnectException e) {
                if (last) {
                    return failure(attempts, "connection refused" + retried(attempts));
                }
                waitMillis = jitter(backoff);
            } catch (IOException e) {
                if (last) {
                    return failure(attempts, describe(e) + retried(attempts));
                }
                waitMillis = jitter(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(attempts, "interrupted");
            } catch (RuntimeException e) {
                return failure(attempts, "send failed: " + e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(Math.min(waitMillis, settings.maxRetryDelay().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(attempts, "interrupted");
            }
            backoff = Math.min(backoff * 2, Math.max(FIRST_BACKOFF_MILLIS, settings.maxRetryDelay().toMillis()));
        }
    }

    private HttpRequest request(byte[] body, int length) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json");
        HttpRequest.BodyPublisher payload;
        if (settings.gzipThresholdBytes() > 0 && length > settings.gzipThresholdBytes()) {
            payload = HttpRequest.BodyPublishers.ofByteArray(gzip(body, length));
            builder.header("Content-Encoding", "gzip");
        } else {
            payload = HttpRequest.BodyPublishers.ofByteArray(body, 0, length);
        }
        settings.headers().forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        return builder.POST(payload).build();
    }

    private static byte[] gzip(byte[] body, int length) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 8 + 64);
        try (GZIPOutputStream gzip = new FastestGzip(compressed)) {
            gzip.write(body, 0, length);
        }
        return compressed.toByteArray();
    }

    /**
     * gzip at {@link Deflater#BEST_SPEED}: OTLP JSON is so repetitive that it still shrinks about 18-fold
     * (measured: 455 kB to 24 kB, against 21 kB at the default level) for a third of the CPU.
     */
    private static final class FastestGzip extends GZIPOutputStream {
        FastestGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(MAX_RESPONSE_BYTES);
        }
    }

    private static java.util.Optional<Long> retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
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
                || message.contains("header parser")) {
            return "connection reset";
        }
        return "I/O error: " + e.getClass().getSimpleName();
    }

    private static SendResult failure(int attempts, String error) {
        return new SendResult(false, -1, attempts, error, 0, null);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
