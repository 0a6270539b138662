package ai.automagik.tracing.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class GzipPoolTest {

    private static byte[] gunzip(byte[] data, int length) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data, 0, length))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aReusedCompressorWritesValidGzipEachTime() throws IOException {
        try (GzipPool pool = new GzipPool()) {
            byte[] json = "{\"resourceSpans\":[{\"scopeSpans\":[]}]}".repeat(500).getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 3; round++) {
                GzipPool.Compressor compressor = pool.take();
                int length = compressor.compress(json, json.length - round);
                assertThat(length).isLessThan(json.length / 10);
                assertThat(gunzip(compressor.output(), length)).isEqualTo(Arrays.copyOf(json, json.length - round));
                pool.give(compressor);
            }
        }
    }

    @Test
    void incompressibleInputGrowsTheBufferAndStillRoundTrips() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        try (GzipPool pool = new GzipPool()) {
            GzipPool.Compressor compressor = pool.take();
            int length = compressor.compress(noise, noise.length);
            assertThat(length).isGreaterThan(noise.length);
            assertThat(gunzip(compressor.output(), length)).isEqualTo(noise);
            int empty = compressor.compress(noise, 0);
            assertThat(gunzip(compressor.output(), empty)).isEmpty();
            pool.give(compressor);
        }
    }
}
