package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded soak run (profile {@code soak}): the reference deployment under a steady request rate for
 * {@code soak.minutes} (default 10), telemetry to a real collector on loopback, observability to a
 * second one. Heap after GC, thread counts and the counters are taken at the start, every minute and at
 * the end, and written to {@code target/soak/report.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Soak {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
    private static final int RATE_PER_SECOND = Integer.getInteger("soak.rate", 50);
    private static final String[] AGENTS = {"simple", "researcher", "researcher", "failing"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackReceiver telemetry;
    private static LoopbackReceiver collector;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        telemetry = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        WebArchive war = ReferenceDeployment.war("soak.war", Map.of(
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString(),
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.trace.batch.timeout.ms", "1000",
                "automagik.trace.batch.size", "500"));
        war.addClass(SoakProbe.class);
        return war;
    }

    @AfterAll
    static void stopReceivers() {
        if (telemetry != null) {
            telemetry.close();
            collector.close();
        }
    }

    private JsonObject probe() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/soak-probe")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void steadyLoadLeavesNothingBehind() throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
        Runnable request = () -> {
            long n = sent.getAndIncrement();
            String agent = AGENTS[(int) (n % AGENTS.length)];
            long started = System.nanoTime();
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/" + agent + "/run"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"soak " + n + "\"}")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != ("failing".equals(agent) ? 500 : 200)) {
                    unexpected.incrementAndGet();
                }
            } catch (Exception e) {
                unexpected.incrementAndGet();
            }
            slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
        };

        // one minute of warm-up, so class loading and JIT are not counted as growth
        load.scheduleAtFixedRate(request, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
        Thread.sleep(Duration.ofMinutes(1).toMillis());
        List<String> rows = new ArrayList<>();
        Instant start = Instant.now();
        JsonObject first = probe();
        rows.add(row(0, first, sent.get()));
        JsonObject last = first;
        for (int minute = 1; minute <= MINUTES; minute++) {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
            last = probe();
            rows.add(row(minute, last, sent.get()));
        }
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(3000);
        JsonObject quiet = probe();
        rows.add(row(-1, quiet, sent.get()));
        write(start, rows, sent.get(), unexpected.get(), Duration.ofNanos(slowest.get()));

        assertThat(unexpected.get()).as("requests with an unexpected answer").isZero();
        assertThat(quiet.getJsonNumber("queued").longValue()).as("queued == processed + dropped + failed + queueSize + inFlight")
                .isEqualTo(quiet.getJsonNumber("processed").longValue() + quiet.getJsonNumber("dropped").longValue()
                        + quiet.getJsonNumber("failed").longValue() + quiet.getJsonNumber("queueSize").longValue()
                        + quiet.getJsonNumber("inFlight").longValue());
        assertThat(quiet.getJsonNumber("tracingThreads").longValue()).as("tracing threads")
                .isLessThanOrEqualTo(first.getJsonNumber("tracingThreads").longValue());
        assertThat(last.getJsonNumber("threads").longValue()).as("server threads")
                .isLessThanOrEqualTo(first.getJsonNumber("threads").longValue() + 10);
    }

    private static String row(int minute, JsonObject probe, long sent) {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %d | %d | %,d | %,d | %,d | %,d | %,d | %,d |",
                minute < 0 ? "end (quiet)" : String.valueOf(minute), sent,
                probe.getJsonNumber("heapAfterGcBytes").longValue() / 1048576.0, probe.getInt("threads"),
                probe.getInt("tracingThreads"), probe.getJsonNumber("queued").longValue(),
                probe.getJsonNumber("processed").longValue(), probe.getJsonNumber("dropped").longValue(),
                probe.getJsonNumber("failed").longValue(), probe.getJsonNumber("queueSize").longValue(),
                probe.getJsonNumber("inFlight").longValue());
    }

    private static void write(Instant start, List<String> rows, long sent, long unexpected, Duration slowest)
            throws Exception {
        Path dir = Paths.get("target", "soak");
        Files.createDirectories(dir);
        StringBuilder report = new StringBuilder()
                .append("Soak run started ").append(start).append(": ").append(MINUTES).append(" min at ")
                .append(RATE_PER_SECOND).append(" agent runs/s after 1 min of warm-up; server ")
                .append(System.getProperty("arquillian.launch", "liberty")).append("\n\n")
                .append("| minute | requests sent | heap after GC (MB) | server threads | tracing threads | queued | processed | dropped | failed | queue size | in flight |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> report.append(r).append('\n'));
        report.append("\nRequests with an unexpected answer: ").append(unexpected).append(" of ").append(sent)
                .append("; slowest request: ").append(slowest.toMillis()).append(" ms.\n");
        Files.writeString(dir.resolve("report.md"), report);
    }
}
