package ai.automagik.tracing.export;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracingManager;
import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackTracing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies above 1 KiB leave gzip-compressed by default, and as they are with compression none. */
class CompressionSettingTest {

    @TempDir
    Path home;

    private static void sendLargeBatch(TracingManager tracing) {
        for (int i = 0; i < 20; i++) {
            try (Span span = tracing.tracer().startSpan("step " + i)) {
                span.setAttribute("note", "x".repeat(100));
            }
        }
        assertThat(tracing.flush(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void largeBodiesAreCompressedByDefault() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            sendLargeBatch(loopback.start(Map.of("AUTOMAGIK_TRACE_BATCH_SIZE", "100")));
            assertThat(loopback.collector.requests()).filteredOn(request -> request.body().length > 1024).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.headers()).containsEntry("content-encoding", "gzip"));
        }
    }

    @Test
    void withCompressionNoneBodiesAreSentAsTheyAre() {
        try (LoopbackTracing loopback = new LoopbackTracing(home)) {
            sendLargeBatch(loopback.start(Map.of("AUTOMAGIK_TRACE_BATCH_SIZE", "100",
                    "AUTOMAGIK_EXPORT_COMPRESSION", "none")));
            assertThat(loopback.collector.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.headers()).doesNotContainKey("content-encoding");
                assertThat(request.bodyText()).startsWith("{");
            });
            assertThat(loopback.collector.requests()).anySatisfy(request -> assertThat(request.body().length)
                    .isGreaterThan(1024));
            assertThat(loopback.collector.requests()).extracting(LoopbackReceiver.Request::path).contains("/v1/traces");
        }
    }
}
