package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application is undeployed while its telemetry queue is full of unsent events (a batch timeout of
 * an hour keeps them there): with the collector up they are all delivered during the stop; with the
 * collector down they are counted as failed. Either way the final counters, logged at the stop, balance
 * with nothing left in the queue or in flight.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(OrderAnnotation.class)
// Payara Micro's Arquillian adapter has no undeploy (it ends the deployment's JVM); PayaraMicroStopIT covers
// Micro's own stop instead. Liberty undeploys inside a running server.
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class UndeployWithFullQueueIT {

    private static final int RUNS = 40;
    private static final long SHUTDOWN_TIMEOUT_MS = 4000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FINAL = Pattern.compile("Automagik Tracing stopped for service '([^']+)': telemetry "
            + "queued=(\\d+) processed=(\\d+) dropped=(\\d+) failed=(\\d+) queueSize=(\\d+) inFlight=(\\d+)");
    private static LoopbackReceiver collector;
    private static long queuedBeforeStop;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "collector-up", managed = false, testable = false)
    static WebArchive collectorUp() {
        collector = LoopbackReceiver.start();
        return war("undeploy-up.war", "automagik-undeploy-up", collector.uri("/v1/traces").toString());
    }

    @Deployment(name = "collector-down", managed = false, testable = false)
    static WebArchive collectorDown() {
        return war("undeploy-down.war", "automagik-undeploy-down",
                "http://127.0.0.1:" + LoopbackReceiver.closedPort() + "/v1/traces");
    }

    private static WebArchive war(String name, String service, String endpoint) {
        return ReferenceDeployment.war(name, Map.of(
                "automagik.service.name", service,
                "automagik.telemetry.endpoint", endpoint,
                "automagik.trace.batch.timeout.ms", "3600000",
                "automagik.trace.batch.size", "10000",
                "automagik.trace.shutdown.timeout.ms", String.valueOf(SHUTDOWN_TIMEOUT_MS)));
    }

    @AfterAll
    static void stopCollector() {
        if (collector != null) {
            collector.close();
        }
    }

    private static JsonObject queueFilledBy(URL base) throws Exception {
        for (int i = 0; i < RUNS; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"undeploy " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        JsonObject tracer = ReferenceDeployment.status(HTTP, base.toString()).getJsonObject("tracer");
        assertThat(tracer.getJsonNumber("queueSize").longValue()).as("events waiting when the stop begins: %s", tracer)
                .isGreaterThanOrEqualTo(RUNS);
        queuedBeforeStop = tracer.getJsonNumber("queued").longValue();
        return tracer;
    }

    /** The final counters the stop logged for {@code service}: queued, processed, dropped, failed, queueSize, inFlight. */
    private static long[] finalCounters(String service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = FINAL.matcher(ReferenceDeployment.serverLogText());
            while (m.find()) {
                if (m.group(1).equals(service)) {
                    long[] counters = new long[6];
                    for (int i = 0; i < 6; i++) {
                        counters[i] = Long.parseLong(m.group(i + 2));
                    }
                    return counters;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no final counters for " + service + " in " + ReferenceDeployment.serverLogs());
    }


    @Test
    @Order(1)
    void deployWithTheCollectorUp() {
        deployer.deploy("collector-up");
    }

    @Test
    @Order(2)
    void fillTheQueueWithTheCollectorUp(@ArquillianResource @OperateOnDeployment("collector-up") URL base) throws Exception {
        queueFilledBy(base);
        assertThat(collector.requests()).as("nothing is sent before the stop").isEmpty();
    }

    @Test
    @Order(3)
    void undeployingDeliversEverythingQueued() throws Exception {
        deployer.undeploy("collector-up");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ReferenceDeployment.spansReceived(collector) < queuedBeforeStop && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ReferenceDeployment.spansReceived(collector)).as("spans at the collector after the stop").isGreaterThanOrEqualTo(queuedBeforeStop);
        long[] c = finalCounters("automagik-undeploy-up");
        assertThat(c[1]).as("processed").isEqualTo(c[0]);
        assertThat(c[2] + c[3] + c[4] + c[5]).as("dropped + failed + queueSize + inFlight").isZero();
        assertThat(ReferenceDeployment.spansReceived(collector)).as("spans at the collector").isEqualTo(c[0]);
    }

    @Test
    @Order(4)
    void deployWithTheCollectorDown() {
        deployer.deploy("collector-down");
    }

    @Test
    @Order(5)
    void fillTheQueueWithTheCollectorDown(@ArquillianResource @OperateOnDeployment("collector-down") URL base)
            throws Exception {
        queueFilledBy(base);
    }

    @Test
    @Order(6)
    void undeployingCountsWhatCouldNotBeSentAsFailed() throws Exception {
        long started = System.nanoTime();
        deployer.undeploy("collector-down");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long[] c = finalCounters("automagik-undeploy-down");
        assertThat(c[0]).as("queued").isGreaterThanOrEqualTo(queuedBeforeStop);
        assertThat(c[1]).as("processed").isZero();
        assertThat(c[3]).as("failed").isEqualTo(c[0] - c[2]);
        assertThat(c[4] + c[5]).as("queueSize + inFlight").isZero();
        // the drain is bounded by the shutdown timeout; the rest is the server's own undeploy work
        assertThat(took).as("undeploy time").isLessThan(Duration.ofMillis(SHUTDOWN_TIMEOUT_MS).plusSeconds(30));
    }
}
