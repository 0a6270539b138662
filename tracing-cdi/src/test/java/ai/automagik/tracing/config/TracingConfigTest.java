package ai.automagik.tracing.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TracingConfigTest {

    @Test
    void defaultsFollowTheSpec() {
        TracingConfig config = TracingConfig.fromMap(Map.of("HOME", "/tmp/automagik-test-home"));
        assertThat(config.telemetryEnabled()).isTrue();
        assertThat(config.telemetryEndpoint()).hasToString("https://telemetry.namastex.ai/v1/traces");
        assertThat(config.langwatchEndpoint()).hasToString("https://app.langwatch.ai");
        assertThat(config.queueSize()).isEqualTo(10_000);
        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.batchTimeoutMs()).isEqualTo(5000);
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.samplingRate()).isEqualTo(0.1);
        assertThat(config.errorSamplingRate()).isEqualTo(1.0);
        assertThat(config.slowThresholdMs()).isEqualTo(1000);
        assertThat(config.captureContent()).isTrue();
        assertThat(config.enableTracingInCi()).isFalse();
        assertThat(config.home()).hasToString("/tmp/automagik-test-home");
        assertThat(config.stateDir()).hasToString("/tmp/automagik-test-home/.automagik");
        assertThat(config.exportCompressed()).isTrue();
        assertThat(config.collectorSampling()).isFalse();
        assertThat(config.entries()).filteredOn(e -> e.property().equals("automagik.jaxrs.skip.paths"))
                .singleElement().satisfies(e -> assertThat(e.value()).startsWith("/health,/metrics"));
        assertThat(TracingConfig.fromMap(Map.of("AUTOMAGIK_EXPORT_COMPRESSION", "NONE")).exportCompressed()).isFalse();
        assertThat(config.otlpProtocol()).isEqualTo(ai.automagik.tracing.otlp.OtlpProtocol.HTTP_JSON);
        assertThat(TracingConfig.fromMap(Map.of("AUTOMAGIK_OTLP_PROTOCOL", "http/protobuf")).otlpProtocol())
                .isEqualTo(ai.automagik.tracing.otlp.OtlpProtocol.HTTP_PROTOBUF);
    }

    @ParameterizedTest
    @CsvSource({
        "'', '', true",
        "'', true, true",
        "'', false, false",
        "'', FALSE, false",
        "false, '', false",
        "false, true, false",
        "true, false, false",
        "true, true, true"})
    void eitherContentSwitchTurnsContentCaptureOff(String automagik, String genAi, boolean captured) {
        Map<String, String> values = new java.util.HashMap<>();
        if (!automagik.isEmpty()) {
            values.put("AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT", automagik);
        }
        if (!genAi.isEmpty()) {
            values.put("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", genAi);
        }
        assertThat(TracingConfig.fromMap(values).captureContent()).isEqualTo(captured);
    }

    @Test
    void anInvalidGenAiContentSwitchNamesTheConventionsVariable() {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "maybe")))
                .hasMessageContaining("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT").hasMessageContaining("'maybe'");
    }

    @Test
    void errorAndSlowTracesHaveACapOfTheirOwn() {
        assertThat(TracingConfig.defaults().tailSamplingMaxPerSecond()).isEqualTo(10);
        assertThat(TracingConfig.fromMap(Map.of("AUTOMAGIK_TAIL_SAMPLING_MAX_PER_SECOND", "3")).tailSamplingMaxPerSecond())
                .isEqualTo(3);
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_TAIL_SAMPLING_MAX_PER_SECOND", "-1")))
                .hasMessageContaining("AUTOMAGIK_TAIL_SAMPLING_MAX_PER_SECOND");
    }

    @Test
    void readsTheOriginalEnvironmentVariableNames() {
        TracingConfig config = TracingConfig.fromMap(Map.of(
                "AUTOMAGIK_TELEMETRY_ENABLED", "FALSE",
                "AUTOMAGIK_TELEMETRY_ENDPOINT", "http://127.0.0.1:4318/v1/traces",
                "AUTOMAGIK_TRACE_QUEUE_SIZE", "64",
                "AUTOMAGIK_SAMPLING_RATE", "0.5",
                "AUTOMAGIK_HOME", "/tmp/somewhere"));
        assertThat(config.telemetryEnabled()).isFalse();
        assertThat(config.telemetryEndpoint()).hasToString("http://127.0.0.1:4318/v1/traces");
        assertThat(config.queueSize()).isEqualTo(64);
        assertThat(config.samplingRate()).isEqualTo(0.5);
        assertThat(config.home()).hasToString("/tmp/somewhere");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTOMAGIK_TELEMETRY_ENABLED|yes|true or false",
        "AUTOMAGIK_DISABLE_ALL_TRACING|1|true or false",
        "AUTOMAGIK_TELEMETRY_DEBUG|on|true or false",
        "AUTOMAGIK_OBSERVABILITY_ENABLED|nope|true or false",
        "AUTOMAGIK_OBSERVABILITY_CAPTURE_CONTENT|2|true or false",
        "AUTOMAGIK_ENABLE_TRACING_IN_CI|y|true or false",
        "AUTOMAGIK_TELEMETRY_ENDPOINT|not a url|absolute http",
        "AUTOMAGIK_TELEMETRY_ENDPOINT|ftp://example.com/x|absolute http",
        "LANGWATCH_ENDPOINT|app.langwatch.ai|absolute http",
        "AUTOMAGIK_OTLP_ENDPOINT|localhost:4318|absolute http",
        "AUTOMAGIK_TRACE_QUEUE_SIZE|-1|from 1 to 10000000",
        "AUTOMAGIK_TRACE_QUEUE_SIZE|lots|from 1 to 10000000",
        "AUTOMAGIK_TRACE_BATCH_SIZE|0|from 1 to 10000",
        "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS|0|from 1 to 3600000",
        "AUTOMAGIK_TRACE_WORKERS|100|from 1 to 64",
        "AUTOMAGIK_TRACE_SHUTDOWN_TIMEOUT_MS|-5|from 0 to 600000",
        "AUTOMAGIK_EXPORT_TIMEOUT_MS|0|from 1 to 600000",
        "AUTOMAGIK_EXPORT_MAX_ATTEMPTS|11|from 1 to 10",
        "AUTOMAGIK_EXPORT_MAX_RETRY_DELAY_MS|-1|from 0 to 600000",
        "AUTOMAGIK_SAMPLING_RATE|1.5|from 0.0 to 1.0",
        "AUTOMAGIK_SAMPLING_RATE|NaN|from 0.0 to 1.0",
        "AUTOMAGIK_ERROR_SAMPLING_RATE|-0.1|from 0.0 to 1.0",
        "AUTOMAGIK_SLOW_THRESHOLD_MS|-1|from 0 to 86400000",
        "AUTOMAGIK_SAMPLING_MAX_PER_SECOND|-1|from 0 to 1000000000",
        "AUTOMAGIK_OTLP_HEADERS|=novalue|name=value pairs",
        "AUTOMAGIK_OTEL_BRIDGE|sometimes|auto, true or false",
        "AUTOMAGIK_SAMPLING_MODE|central|local or collector",
        "AUTOMAGIK_EXPORT_COMPRESSION|zstd|gzip or none",
        "AUTOMAGIK_OTLP_PROTOCOL|grpc|http/json or http/protobuf",
    })
    void invalidValuesNameTheKeyTheValueAndTheAllowedRange(String key, String value, String allowed) {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(allowed)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key().environmentVariable())
                        .isEqualTo(key));
    }

    @Test
    void invalidValueIsQuotedInTheMessage() {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_SAMPLING_RATE", "1.5")))
                .hasMessageContaining("'1.5'");
    }

    @Test
    void secretsAreMaskedEverywhereConfigIsShown() {
        String key = "sk-lw-abcdefghijklmnopqrstuvwxyz0123456789";
        TracingConfig config = TracingConfig.fromMap(Map.of("LANGWATCH_API_KEY", key,
                "AUTOMAGIK_OTLP_HEADERS", "x-api-key=supersecretvalue123,x-tenant=acme-tenant-0042"));
        assertThat(config.langwatchApiKey()).isEqualTo(key);
        assertThat(config.otlpHeaders()).containsEntry("x-api-key", "supersecretvalue123");
        assertThat(config.toString()).doesNotContain(key).doesNotContain("abcdefgh")
                .doesNotContain("supersecretvalue123").contains("sk-l…");
        assertThat(config.entries()).allSatisfy(entry -> assertThat(String.valueOf(entry.value()))
                .doesNotContain("abcdefgh").doesNotContain("supersecret"));
    }

    @Test
    void invalidSecretIsMaskedInTheError() {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_OTLP_HEADERS", "Authorization: Bearer abcdefghijkl")))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abcdefghijkl"));
    }

    @Test
    void entriesSayWhereEachValueCameFrom() {
        TracingConfig config = TracingConfig.fromMap(Map.of("AUTOMAGIK_TRACE_BATCH_SIZE", "7"));
        assertThat(config.entries()).filteredOn(e -> e.property().equals("automagik.trace.batch.size"))
                .singleElement().satisfies(e -> {
                    assertThat(e.value()).isEqualTo("7");
                    assertThat(e.source()).isEqualTo("programmatic");
                    assertThat(e.environmentVariable()).isEqualTo("AUTOMAGIK_TRACE_BATCH_SIZE");
                });
        assertThat(config.entries()).filteredOn(e -> e.property().equals("automagik.trace.workers"))
                .singleElement().satisfies(e -> assertThat(e.source()).isEqualTo("default"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-tenant=acme\r\nX-Injected: yes", "x-tenant=acme\nX-Injected: yes",
            "x-tenant=acme\rX", "x-ten\nant=acme", "x-tenant=a\u0000b", "x(tenant)=acme"})
    void headersWithLineBreaksOrControlCharactersFailNamingTheKey(String headers) {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_OTLP_HEADERS", headers)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("AUTOMAGIK_OTLP_HEADERS")
                .hasMessageContaining("no CR or LF")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("acme").doesNotContain("\n"));
    }

    @Test
    void headerValuesMayHoldSpacesTabsAndPunctuation() {
        TracingConfig config = TracingConfig.fromMap(Map.of("AUTOMAGIK_OTLP_HEADERS",
                "Authorization=Bearer abc.def/ghi==,x-note=a\tb; c=\"d\""));
        assertThat(config.otlpHeaders()).containsEntry("Authorization", "Bearer abc.def/ghi==")
                .containsEntry("x-note", "a\tb; c=\"d\"");
    }

    @Test
    void userInfoQueryAndFragmentOfEndpointsAreMaskedWhereConfigIsShown() {
        TracingConfig config = TracingConfig.fromMap(Map.of(
                "AUTOMAGIK_OTLP_ENDPOINT", "https://tenant:pw-s3cr3t-value@collector.example:4318/v1/traces?api_key=qk-s3cr3t-value&x=1#frag-s3cr3t",
                "AUTOMAGIK_TELEMETRY_ENDPOINT", "http://127.0.0.1:4318/v1/traces?token=tk-s3cr3t-value",
                "LANGWATCH_ENDPOINT", "https://lw-user:lw-s3cr3t-value@langwatch.example"));
        assertThat(config.otlpEndpoint()).hasValueSatisfying(uri -> assertThat(uri.getUserInfo()).isEqualTo("tenant:pw-s3cr3t-value"));
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("tenant");
        assertThat(config.entries()).allSatisfy(entry -> assertThat(String.valueOf(entry.value())).doesNotContain("s3cr3t"));
        assertThat(config.entries()).filteredOn(e -> e.property().equals("automagik.otlp.endpoint")).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("https://…@collector.example:4318/v1/traces?api_key=…&x=…#…"));
        assertThat(config.entries()).filteredOn(e -> e.property().equals("automagik.telemetry.endpoint")).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("http://127.0.0.1:4318/v1/traces?token=…"));
    }

    @Test
    void anInvalidEndpointIsNamedWithoutItsCredentials() {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_OTLP_ENDPOINT", "ftp://user:pw-s3cr3t@host/x?k=s3cr3t")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("AUTOMAGIK_OTLP_ENDPOINT")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("ftp://…@host/x?k=…"));
    }
}
