package ai.automagik.tracing.export;

import ai.automagik.tracing.config.Secrets;
import ai.automagik.tracing.otlp.OtlpProtocol;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Where and how one destination's requests are sent. {@link #toString()} masks secret header values. */
public record SenderSettings(URI endpoint, Map<String, String> headers, Duration connectTimeout,
        Duration requestTimeout, int maxAttempts, Duration maxRetryDelay, int gzipThresholdBytes,
        OtlpProtocol protocol) {

    public SenderSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxRetryDelay == null || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("maxRetryDelay must not be negative");
        }
    }

    /** OTLP/HTTP JSON. */
    public SenderSettings(URI endpoint, Map<String, String> headers, Duration connectTimeout, Duration requestTimeout,
            int maxAttempts, Duration maxRetryDelay, int gzipThresholdBytes) {
        this(endpoint, headers, connectTimeout, requestTimeout, maxAttempts, maxRetryDelay, gzipThresholdBytes,
                OtlpProtocol.HTTP_JSON);
    }

    static boolean secretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("auth") || lower.contains("key") || lower.contains("token") || lower.contains("secret")
                || lower.contains("cookie") || lower.contains("password");
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder("{");
        headers.forEach((name, value) -> shown.append(shown.length() == 1 ? "" : ", ").append(name).append('=')
                .append(secretHeader(name) ? Secrets.mask(value) : value));
        return "SenderSettings[endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()) + endpoint.getRawPath()
                + ", headers=" + shown.append('}') + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxAttempts=" + maxAttempts + ", maxRetryDelay=" + maxRetryDelay
                + ", gzipThresholdBytes=" + gzipThresholdBytes + ", protocol=" + protocol.setting() + "]";
    }
}
