package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The README's run command as a newcomer runs it, {@code mvn -B -pl server-config liberty:run} from the project's
 * root (on a free port, its state in a temporary {@code AUTOMAGIK_HOME}): with a wrong setting it exits non-zero
 * and its first ERROR line names the setting, its value and what is allowed; with its defaults an agent run's whole
 * trace reaches the embedded receiver, and Ctrl+C (SIGINT to the command's process group) stops it with the
 * accounting line logged.
 */
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class RunCommandIT {

    private static final String PASSWORD = "run-command-it-3f9a";
    private static final Duration START = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path work;
    private MavenRun run;

    @BeforeEach
    void workDirectory() throws IOException {
        work = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "run-command-");
    }

    @AfterEach
    void stop() throws Exception {
        if (run != null) {
            run.close();
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private MavenRun start(int port, Map<String, String> settings) throws IOException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("HTTP_PORT", String.valueOf(port));
        environment.put("AUTOMAGIK_HOME", work.resolve("home").toString());
        environment.put("AUTOMAGIK_ADMIN_PASSWORD", PASSWORD);
        return MavenRun.start(MavenRun.projectRoot(), work.resolve("run.log"), environment, "-pl", "server-config",
                "liberty:run");
    }

    @Test
    void aWrongSettingStopsTheRunCommandWithOneLineNamingIt() throws Exception {
        run = start(MavenRun.freePort(), Map.of("AUTOMAGIK_SAMPLING_RATE", "2"));
        assertThat(run.waitFor(START)).as("the run command ended").isTrue();
        assertThat(run.process().exitValue()).isNotZero();
        Optional<String> firstError = run.lines().stream().filter(line -> line.contains("ERROR")).findFirst();
        assertThat(firstError).as("an ERROR line in the output").isPresent();
        assertThat(firstError.get()).contains("AUTOMAGIK_SAMPLING_RATE").contains("'2'").contains("allowed")
                .contains("0.0").contains("1.0");
    }

    @Test
    void theDefaultsShowWholeTracesAndCtrlCLogsTheAccounting() throws Exception {
        int port = MavenRun.freePort();
        run = start(port, Map.of());
        String base = "http://127.0.0.1:" + port + "/";
        run.awaitReady(base, START);

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"first hour\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        String traceId = json(answer.body()).getString("traceId");

        // the embedded receiver got the whole trace: the agent, its model call and its tools
        String received = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !(received.contains(traceId)
                && received.contains("\"invoke_agent researcher\"") && received.contains("\"execute_tool web_search\""))) {
            Thread.sleep(500);
            received = get(base + "otlp/v1/traces").body();
        }
        assertThat(received).contains(traceId).contains("\"invoke_agent researcher\"")
                .contains("\"execute_tool web_search\"").contains("\"chat ");
        assertThat(json(get(base + "api/tracing/status").body()).getBoolean("observabilityEnabled")).isTrue();

        run.signal("INT");
        assertThat(run.waitFor(Duration.ofMinutes(2))).as("stopped after Ctrl+C").isTrue();
        Path messages = MavenRun.projectRoot().resolve(Paths.get("server-config", "target", "liberty", "wlp", "usr",
                "servers", "automagikServer", "logs", "messages.log"));
        String logged = run.output() + (Files.exists(messages) ? Files.readString(messages, StandardCharsets.UTF_8) : "");
        assertThat(logged).contains("Automagik Tracing stopped for service 'automagik-sample'").contains("queued=");
        assertThat(logged).as("no SLF4J warning").doesNotContain("SLF4J");
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
