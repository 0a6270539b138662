package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The console's opt-out toggle in a real browser: it asks first, stops sending at once, and the choice
 * survives a restart of the application (the same state directory, deployed again).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(OrderAnnotation.class)
class AdminConsoleRestartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path HOME = ReferenceDeployment.temporaryHome();
    private static LoopbackReceiver telemetry;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "before", managed = false, testable = false)
    static WebArchive before() {
        telemetry = LoopbackReceiver.start();
        return war("console-before.war");
    }

    @Deployment(name = "after", managed = false, testable = false)
    static WebArchive after() {
        return war("console-after.war");
    }

    private static WebArchive war(String name) {
        return ReferenceDeployment.war(name, HOME, Map.of(
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString()));
    }

    @AfterAll
    static void stopReceiver() {
        if (telemetry != null) {
            telemetry.close();
        }
    }

    private static void runAgent(URL base) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/simple/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"toggle test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static void awaitQuiet(LoopbackReceiver receiver) throws InterruptedException {
        // longer than the deployment's batch timeout, so anything that was going to be sent has been
        Thread.sleep(1500);
    }

    @Test
    @Order(1)
    void deployFirst() {
        deployer.deploy("before");
    }

    @Test
    @Order(2)
    void theToggleAsksThenStopsSendingAtOnce(@ArquillianResource @OperateOnDeployment("before") URL base) throws Exception {
        try (Browser browser = Browser.start()) {
            browser.logIn(base, AdminConsoleIT.CONSOLE + "/privacy", "admin", ReferenceDeployment.ADMIN_PASSWORD);
            browser.byId("metric-queued");
            browser.open(base, AdminConsoleIT.CONSOLE + "/privacy");
            WebElement toggle = browser.byId("telemetry-toggle");
            browser.await(d -> "Turn telemetry off".equals(toggle.getText()));

            toggle.click();
            browser.byId("telemetry-cancel").click();
            Thread.sleep(500);
            assertThat(browser.text("privacy-telemetry-state")).isEqualTo("ON");

            toggle.click();
            browser.byId("telemetry-confirm-dialog");
            browser.screenshot("privacy-confirm");
            browser.byId("telemetry-confirm").click();
            browser.await(d -> "OFF".equals(browser.text("privacy-telemetry-state")));
            assertThat(browser.text("privacy-telemetry-reason")).contains(".automagik-no-telemetry");
        }
        assertThat(Files.exists(HOME.resolve(".automagik-no-telemetry"))).isTrue();

        awaitQuiet(telemetry);
        int before = telemetry.requests().size();
        runAgent(base);
        awaitQuiet(telemetry);
        assertThat(telemetry.requests()).hasSize(before);
    }

    @Test
    @Order(3)
    void restart() {
        deployer.undeploy("before");
        deployer.deploy("after");
    }

    @Test
    @Order(4)
    void theChoiceSurvivesTheRestart(@ArquillianResource @OperateOnDeployment("after") URL base) throws Exception {
        int before = telemetry.requests().size();
        try (Browser browser = Browser.start()) {
            browser.logIn(base, AdminConsoleIT.CONSOLE, "admin", ReferenceDeployment.ADMIN_PASSWORD);
            browser.await(d -> "OFF".equals(browser.text("telemetry-state")));
            assertThat(browser.text("telemetry-reason")).contains(".automagik-no-telemetry");
            runAgent(base);
            browser.byId("send-test-event").click();
            WebElement status = browser.byId("test-event-status");
            browser.await(d -> "DROPPED".equals(status.getAttribute("data-state")));
            assertThat(status.getText()).contains("opted out");
        }
        awaitQuiet(telemetry);
        assertThat(telemetry.requests()).hasSize(before);
        deployer.undeploy("after");
    }
}
