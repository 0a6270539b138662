package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Maven command run as a newcomer runs it from a shell: in a process group of its own (so a signal reaches the
 * server it starts too, as Ctrl+C does), its output in a file, with this build's Maven and local repository, and an
 * environment without the machine's own {@code AUTOMAGIK_*} settings. Closing it kills what is still running.
 */
final class MavenRun implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;

    private MavenRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code mvn -B <arguments>} in {@code directory}, with {@code environment} added. */
    static MavenRun start(Path directory, Path log, Map<String, String> environment, String... arguments)
            throws IOException {
        Path mavenHome = Paths.get(System.getProperty("it.maven.home", ""));
        Path mvn = mavenHome.resolve("bin").resolve("mvn");
        List<String> command = new ArrayList<>(List.of("setsid", Files.isExecutable(mvn) ? mvn.toString() : "mvn", "-B"));
        String repository = System.getProperty("it.maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(builder.environment());
        env.keySet().removeIf(name -> name.startsWith("AUTOMAGIK_") || name.startsWith("LANGWATCH_"));
        // the test command runs with CI=true, an opt-out the product honours: a run here opts back in
        env.put("AUTOMAGIK_ENABLE_TRACING_IN_CI", "true");
        env.putAll(environment);
        builder.environment().clear();
        builder.environment().putAll(env);
        return new MavenRun(builder.start(), log);
    }

    /** The project's root directory (where the README's commands run). */
    static Path projectRoot() {
        return Paths.get(System.getProperty("it.project.root", "..")).toAbsolutePath().normalize();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}) to the whole process group. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, "--", "-" + process.pid()).redirectErrorStream(true).start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    /** Until {@code base + "health/ready"} answers 200; fails at once when the command ended. */
    void awaitReady(String base, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the command is running (output in %s)", log).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "health/ready")).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not ready at " + base + " (output in " + log + ")");
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            signal("KILL");
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
