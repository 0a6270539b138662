import ai.automagik.tracing.TelemetryEvent;
import ai.automagik.tracing.config.TracingConfig;
import ai.automagik.tracing.export.SendGuard;
import ai.automagik.tracing.trace.DefaultTracer;
import ai.automagik.tracing.trace.DefaultTracingManager;
import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * What exporting telemetry costs per event, without a server around it: the product's tracing manager with
 * its defaults (batches of 50, two export workers, gzip) records {@code api.request} events at a fixed rate,
 * in bursts every 10 ms as request threads would, into an in-process receiver that answers {@code {}} (run
 * it with {@code -Dsun.net.httpserver.nodelay=true}, as a collector's server behaves). Per 10 s phase it
 * prints the export threads' CPU per event, the recording thread's, and the pipeline's counters; at the end
 * each thread's CPU. From the repository root after {@code mvn -B -DskipTests install}:
 * <pre>
 * mvn -B -q -pl it -Pbench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=runtime
 * java -Dsun.net.httpserver.nodelay=true -Xms512m -Xmx512m -cp "$(cat /tmp/bench.cp)" it/bench/TelemetryExportCost.java 14000
 * </pre>
 */
public class TelemetryExportCost {

    public static void main(String[] args) throws Exception {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 14_000;
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
        Path home = Files.createTempDirectory("automagik-export-cost");
        TracingConfig config = TracingConfig.fromMap(Map.of("AUTOMAGIK_HOME", home.toString(),
                "AUTOMAGIK_ENABLE_TRACING_IN_CI", "true",
                "AUTOMAGIK_TELEMETRY_ENDPOINT", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces"));
        DefaultTracingManager manager = new DefaultTracingManager(config, SendGuard.DIRECT, List.of(), null);
        try {
            manager.start();
            DefaultTracer tracer = manager.defaultTracer();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int phase = 1; phase <= 3; phase++) {
                long exportBefore = exportCpu(cpu);
                long callerBefore = cpu.getCurrentThreadCpuTime();
                long events = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < 10_000_000_000L) {
                    for (int i = 0; i < perSecond / 100; i++) {
                        tracer.recordEventIfRoom(() -> TelemetryEvent.apiRequest("GET", "/api/demo/echo/{word}", 200, 1.5));
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
            receiver.stop(0);
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
