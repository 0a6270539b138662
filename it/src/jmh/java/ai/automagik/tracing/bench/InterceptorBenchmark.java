package ai.automagik.tracing.bench;

import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The interceptor path under Weld SE with real MicroProfile Config and Fault Tolerance: a CDI business
 * method with and without {@code @TracedAgent}, with tracing off (kill switch), traces sampled out
 * (base rate 0) and sampled in (every trace kept and exported to a loopback collector). Telemetry is off
 * so that only the observability path is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptorBenchmark {

    @Param({"off", "sampledOut", "sampledIn"})
    public String tracing;

    private HttpServer collector;
    private WeldContainer weld;
    private InterceptedAgent intercepted;
    private EmptyInterceptedAgent emptyIntercepted;
    private PlainAgent plain;
    private StateDirectory home;
    private int input;
    private Map<String, String> properties;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        collector.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        home = new StateDirectory();
        properties = Map.of(
                "automagik.home", home.path(),
                "automagik.enable.tracing.in.ci", "true",
                "automagik.telemetry.enabled", "false",
                "automagik.disable.all.tracing", Boolean.toString(tracing.equals("off")),
                "automagik.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces",
                "automagik.sampling.rate", tracing.equals("sampledIn") ? "1.0" : "0.0",
                "automagik.sampling.max.per.second", "1000000000",
                "automagik.trace.queue.size", "65536",
                "automagik.trace.batch.size", "512");
        properties.forEach(System::setProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        weld = new Weld().initialize();
        intercepted = weld.select(InterceptedAgent.class).get();
        emptyIntercepted = weld.select(EmptyInterceptedAgent.class).get();
        plain = weld.select(PlainAgent.class).get();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        weld.shutdown();
        collector.stop(0);
        properties.keySet().forEach(System::clearProperty);
        home.close();
    }

    @Benchmark
    public int withBinding() {
        return intercepted.work(input++);
    }

    /** The container's share: the same call through an interceptor that only proceeds. */
    @Benchmark
    public int withEmptyInterceptor() {
        return emptyIntercepted.work(input++);
    }

    @Benchmark
    public int withoutBinding() {
        return plain.work(input++);
    }
}
