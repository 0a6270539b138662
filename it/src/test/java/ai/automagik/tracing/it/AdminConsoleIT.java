package ai.automagik.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.testing.LoopbackReceiver;
import ai.automagik.tracing.testing.LoopbackReceiver.Behaviour;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The Vaadin admin console of the reference deployment in Debian's headless Chromium: login, live
 * metrics, the test event's way to a real collector on loopback, error states, privacy payloads,
 * configuration, recent traces, narrow screens, and no secret anywhere in a page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    static final String CONSOLE = "tracing-admin";
    private static final String LANGWATCH_KEY = "sk-lw-console0it0key0never0rendered";
    private static final String OTLP_HEADER_SECRET = "Bearer otlp-console-secret-5f2e";
    private static final String VIEWER_PASSWORD = "it-viewer-password-console-81";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LoopbackReceiver telemetry;
    private static LoopbackReceiver langwatch;
    private static LoopbackReceiver collector;

    @ArquillianResource
    URL base;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        telemetry = LoopbackReceiver.start();
        langwatch = LoopbackReceiver.start();
        collector = LoopbackReceiver.start();
        return ReferenceDeployment.war("console.war", Map.of(
                "automagik.telemetry.endpoint", telemetry.uri("/v1/traces").toString(),
                "langwatch.api.key", LANGWATCH_KEY,
                "langwatch.endpoint", "http://127.0.0.1:" + langwatch.port(),
                "automagik.otlp.endpoint", collector.uri("/v1/traces").toString(),
                "automagik.otlp.headers", "authorization=" + OTLP_HEADER_SECRET,
                "automagik.sampling.rate", "1.0",
                "automagik.prices", "fake-gpt-mini=0.15/0.60/0.075",
                "automagik.viewer.password", VIEWER_PASSWORD));
    }

    @AfterAll
    static void stopReceivers() {
        for (LoopbackReceiver receiver : new LoopbackReceiver[] {telemetry, langwatch, collector}) {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        telemetry.setBehaviour(Behaviour.ok());
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void logInAsAdmin() {
        browser.logIn(base, CONSOLE, "admin", ReferenceDeployment.ADMIN_PASSWORD);
        browser.byId("metric-queued");
    }

    private void runAgent(String agent) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/agents/" + agent + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"console test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 500);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", "").trim());
    }

    @Test
    void everyViewAsksAnonymousUsersToLogIn() {
        for (String path : List.of(CONSOLE, CONSOLE + "/privacy", CONSOLE + "/config", CONSOLE + "/traces")) {
            browser.open(base, path);
            browser.await(d -> browser.deep("vaadin-login-form"));
            assertThat(browser.present("metric-queued")).as(path).isFalse();
            assertThat(browser.driver.getPageSource()).as(path).doesNotContain(LANGWATCH_KEY).doesNotContain("payloads");
        }
        browser.screenshot("login");
    }

    @Test
    void aWrongPasswordOrAUserWithoutTheAdminRoleStaysOut() {
        browser.logIn(base, CONSOLE, "admin", "not-the-password");
        browser.await(d -> browser.deep("vaadin-login-form[error]"));
        assertThat(browser.present("metric-queued")).isFalse();

        browser.logIn(base, CONSOLE, "viewer", VIEWER_PASSWORD);
        browser.await(d -> browser.deep("vaadin-login-form[error]"));
        browser.open(base, CONSOLE);
        browser.await(d -> browser.driver.getPageSource().contains("tracing-admin") || browser.deep("vaadin-login-form") != null);
        assertThat(browser.present("metric-queued")).isFalse();
    }

    @Test
    void loggingInIssuesANewSessionId() {
        browser.open(base, CONSOLE);
        browser.await(d -> browser.deep("vaadin-login-form"));
        String before = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        logInAsAdmin();
        String after = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(after).isNotEqualTo(before);
        // the id from before the login must not be signed in (a server may keep the id and change only a prefix)
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", before, "/"));
        browser.open(base, CONSOLE);
        browser.await(d -> browser.deep("vaadin-login-form"));
        assertThat(browser.present("metric-queued")).isFalse();
        // and neither is a viewer's: every login gets a new id, whatever the user's roles
        browser.driver.manage().deleteAllCookies();
        browser.open(base, CONSOLE);
        browser.await(d -> browser.deep("vaadin-login-form"));
        String beforeViewer = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        browser.logIn(base, CONSOLE, "viewer", VIEWER_PASSWORD);
        browser.await(d -> browser.deep("vaadin-login-form[error]"));
        assertThat(browser.driver.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(beforeViewer);
    }

    @Test
    void logOutEndsTheSession() {
        logInAsAdmin();
        assertThat(browser.text("signed-in-user")).isEqualTo("admin");
        browser.byId("logout").click();
        browser.await(d -> browser.deep("vaadin-login-form"));
        browser.open(base, CONSOLE + "/privacy");
        browser.await(d -> browser.deep("vaadin-login-form"));
        assertThat(browser.present("telemetry-toggle")).isFalse();
    }

    @Test
    void theDashboardCountsAgentRunsLiveWithoutAReload() throws Exception {
        logInAsAdmin();
        browser.script("window.__consoleNotReloaded = 'yes'");
        // in-app navigation away and back must keep the view live
        browser.deep("vaadin-side-nav-item[path$='privacy']").click();
        browser.byId("telemetry-toggle");
        browser.deep("vaadin-side-nav-item[path='" + CONSOLE + "']").click();
        browser.byId("metric-queued");
        long queuedBefore = number(browser.text("metric-queued"));
        long processedBefore = number(browser.text("metric-processed"));
        for (int i = 0; i < 3; i++) {
            runAgent("researcher");
        }
        browser.await(d -> number(browser.text("metric-queued")) >= queuedBefore + 3
                && number(browser.text("metric-processed")) >= processedBefore + 3);
        assertThat(browser.script("return window.__consoleNotReloaded")).isEqualTo("yes");
        assertThat(browser.text("telemetry-state")).isEqualTo("ON");
        assertThat(browser.text("metric-balance")).startsWith("Every event is accounted for");
        assertThat(browser.byId("providers").getText()).contains("telemetry", "langwatch", "otlp");
        assertThat(browser.byId("circuit-telemetry").getText()).isEqualTo("CLOSED");
        browser.await(d -> browser.deep("#throughput-chart polyline[data-series='processed']"));
        browser.await(d -> browser.deep("#model-costs span[data-model='fake-gpt-mini-2026-01'][data-agent='researcher']"));
        assertThat(browser.deep("#model-costs span[data-agent='researcher']").getText())
                .matches("fake-gpt-mini-2026-01 in researcher: \\$0\\.[0-9]+ for [0-9]+ calls?");
        assertThat(browser.text("model-cost-total")).startsWith("Total $").contains("automagik-2026.12");
        browser.screenshot("dashboard");
    }

    @Test
    void aTestEventReachesTheCollectorAndTheConsoleSaysSo() {
        logInAsAdmin();
        browser.byId("send-test-event").click();
        WebElement status = browser.byId("test-event-status");
        browser.await(d -> "DELIVERED".equals(status.getAttribute("data-state")));
        String id = status.getText().replaceAll("^Test event ([0-9a-f]{16}).*$", "$1");
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(status.getText()).contains("delivered", "127.0.0.1:" + telemetry.port());
        assertThat(telemetry.requests()).anySatisfy(r -> assertThat(r.bodyText()).contains(id).contains("test.event"));
    }

    @Test
    void aFailingCollectorShowsTheErrorAndTheTestEventSaysWhy() {
        telemetry.setBehaviour(Behaviour.status(503));
        logInAsAdmin();
        browser.byId("send-test-event").click();
        WebElement status = browser.byId("test-event-status");
        browser.await(d -> "FAILED".equals(status.getAttribute("data-state")));
        assertThat(status.getText()).contains("failed: HTTP 503");
        browser.await(d -> browser.byId("dashboard-alert").isDisplayed());
        assertThat(browser.text("dashboard-alert")).contains("telemetry", "HTTP 503");
        browser.screenshot("dashboard-collector-failing");
    }

    @Test
    void thePrivacyViewShowsExactlyWhatLeftTheServer() {
        logInAsAdmin();
        browser.byId("send-test-event").click();
        browser.await(d -> "DELIVERED".equals(browser.byId("test-event-status").getAttribute("data-state")));
        browser.open(base, CONSOLE + "/privacy");
        WebElement payloads = browser.byId("payloads");
        browser.await(d -> payloads.getText().contains("resourceSpans"));
        String shown = payloads.getText();
        assertThat(shown).contains("\"test.event\"", "user.id").doesNotContain("console test");
        assertThat(browser.text("telemetry-toggle")).isEqualTo("Turn telemetry off");
        browser.screenshot("privacy");
    }

    @Test
    void theConfigurationShowsWhereEachSettingCameFromWithSecretsMasked() {
        logInAsAdmin();
        browser.open(base, CONSOLE + "/config");
        WebElement grid = browser.byId("config-grid");
        browser.await(d -> browser.driver.getPageSource().contains("automagik.telemetry.endpoint"));
        String page = browser.driver.getPageSource();
        assertThat(page).contains("AUTOMAGIK_TELEMETRY_ENDPOINT", "langwatch.api.key", "microprofile-config.properties",
                "default");
        assertThat(grid.isDisplayed()).isTrue();
        browser.screenshot("configuration");
    }

    @Test
    void recentTracesShowTheAgentWithItsLlmCallAndTools() throws Exception {
        runAgent("researcher");
        runAgent("failing");
        logInAsAdmin();
        browser.open(base, CONSOLE + "/traces");
        browser.await(d -> browser.driver.getPageSource().contains("web_search"));
        String page = browser.driver.getPageSource();
        assertThat(page).contains("researcher", "calculator", "error");
        browser.screenshot("traces");
    }

    @Test
    void noSecretIsRenderedInAnyView() throws Exception {
        runAgent("researcher");
        logInAsAdmin();
        browser.byId("send-test-event").click();
        for (String path : List.of(CONSOLE, CONSOLE + "/privacy", CONSOLE + "/config", CONSOLE + "/traces")) {
            browser.open(base, path);
            browser.await(d -> browser.deep("vaadin-app-layout") != null);
            Thread.sleep(LIVE_REFRESH_MILLIS);
            String page = browser.driver.getPageSource();
            assertThat(page).as(path).doesNotContain(LANGWATCH_KEY).doesNotContain(OTLP_HEADER_SECRET)
                    .doesNotContain("otlp-console-secret").doesNotContain(ReferenceDeployment.ADMIN_PASSWORD)
                    .doesNotContain(VIEWER_PASSWORD);
        }
    }

    @Test
    void noSecretReachesTheServerLogsOrAnyPayload() throws Exception {
        runAgent("researcher");
        logInAsAdmin();
        browser.byId("send-test-event").click();
        browser.await(d -> "DELIVERED".equals(browser.byId("test-event-status").getAttribute("data-state")));
        StringBuilder captured = new StringBuilder(ReferenceDeployment.serverLogText());
        for (LoopbackReceiver receiver : new LoopbackReceiver[] {telemetry, langwatch, collector}) {
            receiver.requests().forEach(r -> captured.append(r.bodyText()));
        }
        assertThat(langwatch.requests()).isNotEmpty();
        assertThat(captured.toString()).doesNotContain(LANGWATCH_KEY).doesNotContain("otlp-console-secret")
                .doesNotContain(ReferenceDeployment.ADMIN_PASSWORD).doesNotContain(VIEWER_PASSWORD);
    }

    @Test
    void narrowScreensKeepEveryViewWithinTheWidth() {
        logInAsAdmin();
        browser.resize(390, 844);
        for (String path : List.of(CONSOLE, CONSOLE + "/privacy", CONSOLE + "/config", CONSOLE + "/traces")) {
            browser.open(base, path);
            browser.await(d -> browser.deep("vaadin-app-layout") != null);
            Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).longValue()).as("horizontal overflow of " + path).isLessThanOrEqualTo(0);
        }
        browser.open(base, CONSOLE);
        browser.byId("metric-queued");
        browser.screenshot("dashboard-narrow");
    }

    /** Text of visible grid cells wider than their cell, and how far the grid itself scrolls sideways. */
    private static final String CUT_CELLS = """
            const grid = document.getElementById(arguments[0]);
            const cut = [];
            for (const cell of grid.querySelectorAll('vaadin-grid-cell-content')) {
              const text = cell.textContent.trim();
              if (!cell.offsetParent || !text) continue;
              if (cell.scrollWidth > cell.clientWidth + 1) cut.push(text.slice(0, 60));
            }
            const table = grid.shadowRoot.querySelector('#table');
            return {cut: cut, sideways: table.scrollWidth - table.clientWidth,
                    page: document.documentElement.scrollWidth - window.innerWidth};
            """;

    @Test
    void configurationAndRecentTracesFitAWideScreenAndAPhone() throws Exception {
        runAgent("researcher");
        runAgent("failing");
        logInAsAdmin();
        for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
            boolean phone = size[0] < 700;
            browser.resize(size[0], size[1]);
            browser.open(base, CONSOLE + "/config");
            browser.await(d -> browser.driver.getPageSource().contains("AUTOMAGIK_JAXRS_SKIP_PATHS"));
            Thread.sleep(LIVE_REFRESH_MILLIS);
            assertNothingCut("config-grid", size);
            // on a phone the value and its source are in the setting's cell; on a wide screen in their own columns
            assertThat(browser.script("return [...document.querySelectorAll('#config-grid .config-value')]"
                    + ".filter(e => e.offsetParent).length")).as("values shown at %sx%s", size[0], size[1])
                    .isEqualTo((long) browser.script("return [...document.querySelectorAll('#config-grid .config-variable')]"
                            + ".filter(e => e.offsetParent).length"));
            browser.screenshot(phone ? "configuration-narrow" : "configuration");

            browser.open(base, CONSOLE + "/traces");
            browser.await(d -> browser.driver.getPageSource().contains("execute_tool web_search"));
            Thread.sleep(LIVE_REFRESH_MILLIS);
            assertNothingCut("traces-grid", size);
            long spans = (long) browser.script("return [...document.querySelectorAll('#traces-grid .span-name')]"
                    + ".filter(e => e.offsetParent).length");
            long statuses = (long) browser.script("return [...document.querySelectorAll('#traces-grid .span-status')]"
                    + ".filter(e => e.offsetParent && e.getBoundingClientRect().right <= window.innerWidth).length");
            assertThat(statuses).as("a status beside every span at %sx%s", size[0], size[1]).isEqualTo(spans)
                    .isPositive();
            String started = (String) browser.script("const c = [...document.querySelectorAll('#traces-grid "
                    + "vaadin-grid-cell-content')].map(e => e.textContent.trim()).find(t => /^\\d\\d:\\d\\d:\\d\\d$/.test(t));"
                    + "return c || '';");
            if (phone) {
                assertThat(started).as("start times open on a tap on a phone").isEmpty();
            } else {
                assertThat(started).as("a local start time, to the second").matches("\\d\\d:\\d\\d:\\d\\d");
            }
            browser.screenshot(phone ? "traces-narrow" : "traces");
        }
    }

    @SuppressWarnings("unchecked")
    private void assertNothingCut(String grid, int[] size) {
        Map<String, Object> layout = (Map<String, Object>) browser.script(CUT_CELLS, grid);
        assertThat((List<Object>) layout.get("cut")).as("text cut off in %s at %sx%s", grid, size[0], size[1]).isEmpty();
        assertThat(((Number) layout.get("sideways")).longValue()).as("%s scrolls sideways at %sx%s", grid, size[0], size[1])
                .isLessThanOrEqualTo(0);
        assertThat(((Number) layout.get("page")).longValue()).as("page overflow at %sx%s", size[0], size[1])
                .isLessThanOrEqualTo(0);
    }

    @Test
    void theChartHasAxesAndTheFaviconIsServed() throws Exception {
        logInAsAdmin();
        WebElement chart = browser.byId("throughput-chart");
        assertThat(chart.getText()).contains("now").contains("min ago");
        browser.byId("send-test-event").click();
        runAgent("simple");
        browser.await(d -> browser.deep("#throughput-chart [data-axis='y-max']") != null);
        assertThat(browser.deep("#throughput-chart [data-axis='y-min']").getText()).isEqualTo("0/s");
        assertThat(browser.deep("#throughput-chart [data-axis='y-max']").getText()).endsWith("/s");
        HttpResponse<byte[]> icon = HTTP.send(HttpRequest.newBuilder(URI.create(base + "favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void theConsoleLogsNoErrorOfItsOwn() {
        logInAsAdmin();
        browser.byId("send-test-event").click();
        browser.byId("logout").click();
        browser.await(d -> browser.deep("vaadin-login-form"));
        String logs = ReferenceDeployment.serverLogText();
        // Vaadin releases under a paid licence log a licence error on the console's first request
        assertThat(logs).doesNotContain("LicenseException").doesNotContain("license is required");
        assertThat(logs.lines().filter(line -> line.contains("com.vaadin") && (line.contains(" E ")
                || line.contains("SEVERE")))).as("errors logged by Vaadin").isEmpty();
        assertThat(logs).as("Vaadin's error handler").doesNotContain("Unexpected error: ");
    }

    private static final long LIVE_REFRESH_MILLIS = 1500;
}
