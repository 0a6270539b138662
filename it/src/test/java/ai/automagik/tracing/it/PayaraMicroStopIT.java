package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Payara Micro stopped the way a process manager stops it (SIGTERM) while the telemetry queue is full:
 * everything queued reaches the collector before the JVM ends. Payara Micro is started here as a plain
 * process with its output going to a file, because its Arquillian adapter has no undeploy.
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class PayaraMicroStopIT {

    private static final int RUNS = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermDeliversEverythingQueued() throws Exception {
        Path work = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "payara-stop-");
        try (LoopbackReceiver collector = LoopbackReceiver.start()) {
            File war = work.resolve("stop.war").toFile();
            ReferenceDeployment.war("stop.war", work.resolve("home"), Map.of(
                    "automagik.telemetry.endpoint", collector.uri("/v1/traces").toString(),
                    "automagik.trace.batch.timeout.ms", "3600000",
                    "automagik.trace.batch.size", "10000")).as(ZipExporter.class).exportTo(war, true);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("payara.microJar"), "--nohazelcast", "--port", String.valueOf(port),
                    "--deploy", war.getAbsolutePath(), "--contextroot", "/"));
            Path preboot = Paths.get("..", "server-config", "src", "main", "payara", "payara-preboot.txt");
            command.addAll(List.of("--prebootcommandfile", preboot.toAbsolutePath().toString()));
            Process micro = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("micro.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port + "/";
                awaitReady(base);
                for (int i = 0; i < RUNS; i++) {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"stop " + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                }
                JsonObject tracer = ReferenceDeployment.status(HTTP, base).getJsonObject("tracer");
                long queued = tracer.getJsonNumber("queued").longValue();
                assertThat(tracer.getJsonNumber("queueSize").longValue() + tracer.getJsonNumber("inFlight").longValue())
                        .as("events waiting when the stop begins: %s", tracer).isGreaterThanOrEqualTo(RUNS);
                assertThat(ReferenceDeployment.spansReceived(collector)).as("nothing sent before the stop").isZero();

                micro.destroy();
                assertThat(micro.waitFor(60, TimeUnit.SECONDS)).as("Payara Micro ended").isTrue();
                assertThat(ReferenceDeployment.spansReceived(collector)).as("spans at the collector after SIGTERM").isEqualTo(queued);
            } finally {
                micro.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro did not become ready at " + base);
    }
}
