import ai.automagik.tracing.export.HttpSender;
import ai.automagik.tracing.export.SenderSettings;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One export request's cost on loopback, wall time and the sending thread's CPU, for the JDK's
 * {@code HttpURLConnection} in fixed-length streaming mode (headers written, then the body), in its default
 * buffered mode (headers and body written together), and for the product's {@link HttpSender}, against a
 * JDK {@code HttpServer} that answers {@code {}} as an OTLP collector does: with {@code TCP_NODELAY} (as Go's
 * net/http, the OpenTelemetry Collector's server, sets it), or without it, when its answer is itself written
 * in two pieces. Run from the repository root after {@code mvn -B -DskipTests install}, with tracing-cdi on
 * the class path:
 * <pre>
 * mvn -B -q -pl it -Pbench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=runtime
 * java -Dsun.net.httpserver.nodelay=true -cp "$(cat /tmp/bench.cp)" it/bench/SenderRoundTrip.java
 * java -Dsun.net.httpserver.nodelay=false -cp "$(cat /tmp/bench.cp)" it/bench/SenderRoundTrip.java
 * </pre>
 */
public class SenderRoundTrip {

    interface Client {
        void send(byte[] body) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        // the JDK server reads this once per JVM: one receiver per run
        boolean noDelay = Boolean.getBoolean("sun.net.httpserver.nodelay");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.setExecutor(threads);
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
        receiver.stop(0);
        threads.shutdownNow();
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
}
