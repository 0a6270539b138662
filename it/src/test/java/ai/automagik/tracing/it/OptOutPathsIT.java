package ai.automagik.tracing.it;

import ai.automagik.tracing.testing.LoopbackReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every opt-out rule, each on its own running deployment: none of them lets a single telemetry request
 * out, while an identical deployment without an opt-out does send. Requests are told apart by the
 * {@code service.name} each deployment reports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OptOutPathsIT {

    @ArquillianResource
    @OperateOnDeployment("control")
    URL controlUrl;

    @ArquillianResource
    @OperateOnDeployment("kill-switch")
    URL killSwitchUrl;

    @ArquillianResource
    @OperateOnDeployment("no-tracing-file")
    URL noTracingFileUrl;

    @ArquillianResource
    @OperateOnDeployment("do-not-track")
    URL doNotTrackUrl;

    @ArquillianResource
    @OperateOnDeployment("no-telemetry-file")
    URL noTelemetryFileUrl;

    @ArquillianResource
    @OperateOnDeployment("telemetry-disabled")
    URL telemetryDisabledUrl;

    @ArquillianResource
    @OperateOnDeployment("ci")
    URL ciUrl;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackReceiver receiver;

    private static synchronized LoopbackReceiver receiver() {
        if (receiver == null) {
            receiver = LoopbackReceiver.start();
        }
        return receiver;
    }

    private static WebArchive war(String name, Map<String, String> settings, String homeFile) {
        Path home = ReferenceDeployment.temporaryHome();
        if (homeFile != null) {
            try {
                Files.writeString(home.resolve(homeFile), "opted out by the test\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("automagik.telemetry.endpoint", receiver().uri("/v1/traces").toString());
        properties.put("automagik.service.name", name);
        return ReferenceDeployment.war(name + ".war", home, properties);
    }

    @Deployment(name = "control", testable = false, order = 1)
    static WebArchive control() {
        return war("optout-control", Map.of(), null);
    }

    @Deployment(name = "kill-switch", testable = false, order = 2)
    static WebArchive killSwitch() {
        return war("optout-kill-switch", Map.of("automagik.disable.all.tracing", "true"), null);
    }

    @Deployment(name = "no-tracing-file", testable = false, order = 3)
    static WebArchive noTracingFile() {
        return war("optout-no-tracing-file", Map.of(), ".automagik-no-tracing");
    }

    @Deployment(name = "do-not-track", testable = false, order = 4)
    static WebArchive doNotTrack() {
        return war("optout-do-not-track", Map.of("DO_NOT_TRACK", "1"), null);
    }

    @Deployment(name = "no-telemetry-file", testable = false, order = 5)
    static WebArchive noTelemetryFile() {
        return war("optout-no-telemetry-file", Map.of(), ".automagik-no-telemetry");
    }

    @Deployment(name = "telemetry-disabled", testable = false, order = 6)
    static WebArchive telemetryDisabled() {
        return war("optout-telemetry-disabled", Map.of("automagik.telemetry.enabled", "false"), null);
    }

    @Deployment(name = "ci", testable = false, order = 7)
    static WebArchive ci() {
        return war("optout-ci", Map.of("GITHUB_ACTIONS", "true", "automagik.enable.tracing.in.ci", "false"), null);
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static void runAgents(URL base) throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/researcher/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"opt-out check\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static long requestsFrom(String serviceName) {
        return receiver().requests().stream()
                .filter(r -> r.bodyText().contains("{\"stringValue\":\"" + serviceName + "\"}")).count();
    }

    /** Runs agents on an opted-out deployment and checks, after the control has proven delivery, that nothing came. */
    private void assertSilent(URL base, String serviceName) throws Exception {
        runAgents(base);
        // the control deployment's telemetry arrives within its 100 ms batch timeout; give the opted-out one the same
        // chance and more before concluding that it sent nothing
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(requestsFrom(serviceName)).as("telemetry requests from " + serviceName).isZero();
            Thread.sleep(100);
        }
        // the receiver works: the control deployment's start-up event reached it
        assertThat(requestsFrom("optout-control")).as("requests from the control deployment").isPositive();
    }

    @Test
    @OperateOnDeployment("control")
    void withoutAnOptOutTelemetryIsSent() throws Exception {
        URL base = controlUrl;
        runAgents(base);
        assertThat(receiver().awaitRequests(1, Duration.ofSeconds(20))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (requestsFrom("optout-control") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(requestsFrom("optout-control")).isPositive();
    }

    @Test
    @OperateOnDeployment("kill-switch")
    void theKillSwitch() throws Exception {
        URL base = killSwitchUrl;
        assertSilent(base, "optout-kill-switch");
    }

    @Test
    @OperateOnDeployment("no-tracing-file")
    void theNoTracingFile() throws Exception {
        URL base = noTracingFileUrl;
        assertSilent(base, "optout-no-tracing-file");
    }

    @Test
    @OperateOnDeployment("do-not-track")
    void doNotTrackStopsTelemetry() throws Exception {
        URL base = doNotTrackUrl;
        assertSilent(base, "optout-do-not-track");
    }

    @Test
    @OperateOnDeployment("no-telemetry-file")
    void theNoTelemetryFile() throws Exception {
        URL base = noTelemetryFileUrl;
        assertSilent(base, "optout-no-telemetry-file");
    }

    @Test
    @OperateOnDeployment("telemetry-disabled")
    void telemetryDisabledStopsTelemetry() throws Exception {
        URL base = telemetryDisabledUrl;
        assertSilent(base, "optout-telemetry-disabled");
    }

    @Test
    @OperateOnDeployment("ci")
    void aCiEnvironment() throws Exception {
        URL base = ciUrl;
        assertSilent(base, "optout-ci");
    }
}
