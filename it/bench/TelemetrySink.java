import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OTLP/HTTP receiver in its own JVM for the filter benchmark (run as a single-file source:
 * {@code java -Dsun.net.httpserver.nodelay=true it/bench/TelemetrySink.java PORT}): reads each body, answers
 * 200 with an empty ExportTraceServiceResponse (JSON or protobuf, as the request was), and prints the requests and bytes it received when
 * stopped. Without {@code sun.net.httpserver.nodelay} the JDK server's answer waits for the client's delayed
 * ACK (about 40 ms per request), unlike a collector's.
 */
public class TelemetrySink {
    public static void main(String[] args) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong protobufRequests = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) { // what has arrived so far, for the scripts' checks
                byte[] counts = (requests + " " + protobufRequests + " " + bytes + "\n").getBytes();
                exchange.sendResponseHeaders(200, counts.length);
                exchange.getResponseBody().write(counts);
                exchange.close();
                return;
            }
            try (InputStream in = exchange.getRequestBody()) {
                bytes.addAndGet(in.readAllBytes().length);
            }
            requests.incrementAndGet();
            // a collector answers protobuf with an empty ExportTraceServiceResponse, JSON with {}
            boolean protobuf = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("protobuf");
            if (protobuf) {
                protobufRequests.incrementAndGet();
            }
            byte[] empty = protobuf ? new byte[0] : "{}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", protobuf ? "application/x-protobuf" : "application/json");
            exchange.sendResponseHeaders(200, empty.length == 0 ? -1 : empty.length);
            exchange.getResponseBody().write(empty);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("telemetry sink: " + requests + " requests (" + protobufRequests + " protobuf), " + bytes
                        + " bytes")));
        server.start();
    }
}
