import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.HttpSender;
import ai.automagik.tracing.spi.Clock;
import ai.automagik.tracing.spi.SendGuard;
import ai.automagik.tracing.export.SenderSettings;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.runtime.DefaultTracingManager;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * What exporting costs outside a server, against an in-process JDK {@code HttpServer} that answers {@code {}}
 * as an OTLP collector does: with {@code TCP_NODELAY} when run with {@code -Dsun.net.httpserver.nodelay=true}
 * (as Go's net/http, the OpenTelemetry Collector's server, sets it), or without, when its answer is itself
 * written in two pieces (the JDK server reads the property once per JVM: one receiver per run).
 * <ul>
 * <li>{@code round-trip}: one request's wall time and the sending thread's CPU for the JDK's
 * {@code HttpURLConnection} in fixed-length streaming mode (headers written, then the body), in its default
 * buffered mode (headers and body written together), and for the product's {@link HttpSender}.
 * <li>{@code telemetry [events per second]}: the product's tracing manager with its defaults (batches of 50,
 * two export workers, gzip) records {@code api.request} events at a fixed rate (14,000/s by default), in bursts
 * every 10 ms as request threads would. Per 10 s phase: the export threads' CPU per event, the recording
 * thread's, the pipeline's counters; at the end each thread's CPU.
 * </ul>
 * From the repository root after {@code mvn -B -DskipTests install}, with tracing-cdi on the class path:
 * <pre>
 * mvn -B -q -pl it -Pbench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=runtime
 * java -Dsun.net.httpserver.nodelay=true -cp "$(cat /tmp/bench.cp)" it/bench/ExportCost.java round-trip
 * java -Dsun.net.httpserver.nodelay=false -cp "$(cat /tmp/bench.cp)" it/bench/ExportCost.java round-trip
 * java -Dsun.net.httpserver.nodelay=true -Xms512m -Xmx512m -cp "$(cat /tmp/bench.cp)" it/bench/ExportCost.java telemetry 14000
 * </pre>
 */
public class ExportCost {

    interface Client {
        void send(byte[] body) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        if (!mode.equals("round-trip") && !mode.equals("telemetry")) {
            System.err.println("usage: ExportCost round-trip | telemetry [events per second]");
            System.exit(2);
        }
        ExecutorService receiverThreads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "receiver");
            thread.setDaemon(true);
            return thread;
        });
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] answer = "{}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        URI uri = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces");
        try {
            if (mode.equals("round-trip")) {
                roundTrip(uri, Boolean.getBoolean("sun.net.httpserver.nodelay"));
            } else {
                telemetry(uri, args.length > 1 ? Integer.parseInt(args[1]) : 14_000);
            }
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    private static void roundTrip(URI uri, boolean noDelay) throws IOException {
        HttpSender sender = new HttpSender(new SenderSettings(uri, Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ZERO, 0));
        String[] names = {"HttpURLConnection, fixed-length streaming", "HttpURLConnection, buffered", "HttpSender"};
        Client[] clients = {body -> post(uri, body, true), body -> post(uri, body, false), body -> {
            if (!sender.send(body, body.length).success()) {
                throw new IOException("not delivered");
            }
        }};
        System.out.println("receiver " + (noDelay ? "with" : "without") + " TCP_NODELAY:");
        for (int size : new int[] {3_000, 40_000}) {
            for (int i = 0; i < clients.length; i++) {
                measure(names[i], size, clients[i], noDelay ? 1000 : 50);
            }
        }
        sender.close();
    }

    private static void measure(String name, int size, Client client, int requests) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        byte[] body = new byte[size];
        for (int i = 0; i < requests / 4; i++) {
            client.send(body);
        }
        long cpuBefore = cpu.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            client.send(body);
        }
        System.out.printf("  %-42s body %6d B: %8.1f us wall, %6.1f us CPU per request%n", name, size,
                (System.nanoTime() - wallBefore) / 1e3 / requests, (cpu.getCurrentThreadCpuTime() - cpuBefore) / 1e3 / requests);
    }

    private static void post(URI uri, byte[] body, boolean streaming) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        if (streaming) {
            connection.setFixedLengthStreamingMode(body.length);
        }
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        if (connection.getResponseCode() != 200) {
            throw new IOException("HTTP " + connection.getResponseCode());
        }
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
    }

    private static void telemetry(URI uri, int perSecond) throws Exception {
        Path home = Files.createTempDirectory("automagik-export-cost");
        TracingConfig config = TracingConfig.fromMap(Map.of("AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true", "AUTOMAGIK_TELEMETRY_ENDPOINT", uri.toString()));
        DefaultTracingManager manager = new DefaultTracingManager(config, SendGuard.DIRECT, List.of(), null, Clock.SYSTEM);
        try {
            manager.start();
            DefaultTracer tracer = (DefaultTracer) manager.tracer();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int phase = 1; phase <= 3; phase++) {
                long exportBefore = exportCpu(cpu);
                long callerBefore = cpu.getCurrentThreadCpuTime();
                long events = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < 10_000_000_000L) {
                    for (int i = 0; i < perSecond / 100; i++) {
                        tracer.recordEvent(() -> TelemetryEvent.apiRequest("GET", "/api/demo/echo/{word}", 200, 1.5));
                        events++;
                    }
                    Thread.sleep(10);
                }
                manager.flush(Duration.ofSeconds(30));
                System.out.printf("phase %d: %d events, export threads %.2f us CPU per event, recording thread %.2f us; %s%n",
                        phase, events, (exportCpu(cpu) - exportBefore) / 1e3 / events,
                        (cpu.getCurrentThreadCpuTime() - callerBefore) / 1e3 / events, manager.metrics().tracer());
            }
            for (long id : cpu.getAllThreadIds()) {
                ThreadInfo info = cpu.getThreadInfo(id);
                if (info != null && (info.getThreadName().startsWith("automagik-tracing") || info.getThreadName().equals("receiver"))) {
                    System.out.printf("  %-45s %8.1f ms CPU%n", info.getThreadName(), cpu.getThreadCpuTime(id) / 1e6);
                }
            }
        } finally {
            manager.shutdown();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long exportCpu(ThreadMXBean cpu) {
        long total = 0;
        for (long id : cpu.getAllThreadIds()) {
            ThreadInfo info = cpu.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("automagik-tracing")) {
                total += Math.max(0, cpu.getThreadCpuTime(id));
            }
        }
        return total;
    }
}
