package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.ReceivedSpans;
import jakarta.json.JsonObject;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * docs/INTEGRATION.md as a newcomer follows it: the files it shows are extracted from the page into an empty
 * directory, built with Maven and started with the page's command ({@code mvn package liberty:run}) on a free port;
 * a question to the application then produces the trace the page promises, and the admin API is the admin's only.
 */
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class IntegrationGuideIT {

    private static final Pattern FILE = Pattern.compile("^\\*\\*`([^`]+)`\\*\\*[ \\t]*\\n[ \\t]*\\n```[a-z]*\\n(.*?)\\n```[ \\t]*$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final String PASSWORD = "guide-it-5e1c";
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path work;
    private LoopbackReceiver collector;
    private LoopbackReceiver telemetry;
    private MavenRun run;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "integration-guide-");
        collector = LoopbackReceiver.start();
        telemetry = LoopbackReceiver.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (run != null) {
            run.close();
        }
        collector.close();
        telemetry.close();
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The page's files, by path, as shown (a bold {@code `path`} line, then its code block). */
    static Map<String, String> files(String page) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher matcher = FILE.matcher(page);
        while (matcher.find()) {
            files.put(matcher.group(1), matcher.group(2) + "\n");
        }
        return files;
    }

    @Test
    void theGuidesApplicationBuildsRunsAndTracesAQuestion() throws Exception {
        String page = Files.readString(MavenRun.projectRoot().resolve("docs").resolve("INTEGRATION.md"),
                StandardCharsets.UTF_8);
        Map<String, String> files = files(page);
        assertThat(files).containsOnlyKeys("pom.xml", "src/main/liberty/config/server.xml",
                "src/main/webapp/WEB-INF/web.xml", "src/main/java/com/example/agents/AgentsApplication.java",
                "src/main/java/com/example/agents/AskResource.java", "src/main/java/com/example/agents/AssistantAgent.java",
                "src/main/java/com/example/agents/ClockTool.java");
        Path app = work.resolve("my-agents");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = app.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }

        int port = MavenRun.freePort();
        run = MavenRun.start(app, work.resolve("run.log"), Map.of(
                "ADMIN_PASSWORD", PASSWORD,
                "AUTOMAGIK_OTLP_ENDPOINT", collector.uri("/v1/traces").toString(),
                "AUTOMAGIK_TELEMETRY_ENDPOINT", telemetry.uri("/v1/traces").toString(),
                "AUTOMAGIK_TRACE_BATCH_TIMEOUT_MS", "200",
                "AUTOMAGIK_HOME", work.resolve("home").toString(),
                "HTTP_PORT", String.valueOf(port)), "package", "liberty:run");
        String base = "http://127.0.0.1:" + port + "/";
        run.awaitReady(base, Duration.ofMinutes(8));

        // the WAR carries the two tracing JARs and JCTools, nothing else
        try (ZipFile war = new ZipFile(app.resolve("target").resolve("my-agents.war").toFile())) {
            TreeSet<String> libraries = new TreeSet<>();
            war.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .forEach(n -> libraries.add(n.substring("WEB-INF/lib/".length()).replaceAll("-[0-9].*", "")));
            assertThat(libraries).containsExactly("jctools-core", "tracing-cdi", "tracing-jaxrs");
        }

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/ask"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("What time is it?")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("You asked: What time is it?");

        Map<String, JsonObject> trace = awaitTrace(List.of("POST /api/ask", "invoke_agent assistant",
                "execute_tool clock", "chat gpt-4o-mini"));
        JsonObject server = trace.get("POST /api/ask");
        JsonObject agent = trace.get("invoke_agent assistant");
        assertThat(server.getString("parentSpanId")).isEqualTo(CALLER_SPAN);
        assertThat(agent.getString("parentSpanId")).isEqualTo(server.getString("spanId"));
        assertThat(trace.get("execute_tool clock").getString("parentSpanId")).isEqualTo(agent.getString("spanId"));
        assertThat(trace.get("chat gpt-4o-mini").getString("parentSpanId")).isEqualTo(agent.getString("spanId"));
        // -parameters: the tool's argument by its name
        assertThat(ReceivedSpans.attribute(trace.get("execute_tool clock"), "gen_ai.tool.call.arguments"))
                .contains("\"zone\"").contains("UTC");
        assertThat(ReceivedSpans.attribute(trace.get("chat gpt-4o-mini"), "gen_ai.usage.output_tokens")).contains("9");

        // the admin API is the admin's: 401 without credentials, the status with them
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/tracing/status")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/tracing/status"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"observabilityEnabled\":true");

        run.signal("INT");
        assertThat(run.waitFor(Duration.ofMinutes(2))).as("stopped after Ctrl+C").isTrue();
    }

    private Map<String, JsonObject> awaitTrace(List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, JsonObject> trace = Map.of();
        while (System.nanoTime() < deadline) {
            trace = ReceivedSpans.byTrace(collector, CALLER_TRACE);
            if (trace.keySet().containsAll(names)) {
                return trace;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the trace has " + trace.keySet() + ", not all of " + names);
    }
}
