package ai.automagik.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientAbortsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final ClientAborts aborts = new ClientAborts(now::get);

    @Test
    void thousandsOfAbortsAreAFewShortLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5500; i++) {
            now.addAndGet(2_500_000L); // 5,500 in 14 s
            String line = aborts.record("POST /api/agents/{name}/run body incomplete");
            if (line != null) {
                lines.add(line);
            }
        }
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).hasSizeLessThan(200).doesNotContain("\n").contains("Client aborted a request");

        now.addAndGet(ClientAborts.INTERVAL_NANOS);
        assertThat(aborts.record("again")).startsWith("Clients aborted 5500 requests in the last minute");
    }
}
