package ai.automagik.tracing.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with a fresh profile that is deleted on close. No
 * browser or driver is ever downloaded: both come from the system ({@code apt-get install chromium
 * chromium-driver}, which the README's test command does when they are missing).
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Paths.get(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Paths.get(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    /** Finds an element by CSS selector in the page and inside every open shadow root. */
    private static final String DEEP_QUERY = """
            const find = (root, selector) => {
              const hit = root.querySelector(selector);
              if (hit) return hit;
              for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) {
                  const inner = find(element.shadowRoot, selector);
                  if (inner) return inner;
                }
              }
              return null;
            };
            return find(document, arguments[0]);""";

    private final Path profile;
    private final ChromeDriverService service;
    final WebDriver driver;

    private Browser(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (the README's test command does this)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("it-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        try {
            return new Browser(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    void open(URL base, String path) {
        driver.get(base.toString() + path);
    }

    /** Waits until the element with this id is in the page (light DOM or a shadow root) and returns it. */
    WebElement byId(String id) {
        return await(d -> deep("#" + id));
    }

    WebElement deep(String selector) {
        Object found = ((JavascriptExecutor) driver).executeScript(DEEP_QUERY, selector);
        return found instanceof WebElement element ? element : null;
    }

    boolean present(String id) {
        return deep("#" + id) != null;
    }

    /** Waits for the condition; on timeout the page source and a screenshot go to {@code target/screenshots}. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "timeout-" + System.currentTimeMillis();
            try {
                screenshot(name);
                Files.writeString(Paths.get("target", "screenshots", name + ".html"), driver.getPageSource());
            } catch (RuntimeException | IOException ignored) {
                // the timeout is what matters
            }
            throw new org.openqa.selenium.TimeoutException(e.getMessage() + " (page: target/screenshots/" + name
                    + ".html, url: " + driver.getCurrentUrl() + ")", e);
        }
    }

    String text(String id) {
        return byId(id).getText();
    }

    /** Logs in through the console's login view; the console's URL is {@code base + path}. */
    void logIn(URL base, String path, String user, String password) {
        open(base, path);
        WebElement name = await(d -> deep("vaadin-login-form input[name='username'], vaadin-text-field[name='username'] input"));
        WebElement secret = deep("input[name='password'], vaadin-password-field[name='password'] input");
        name.sendKeys(user);
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot under {@code target/screenshots} (the README links copies of these in docs/). */
    void screenshot(String name) {
        try {
            Path dir = Paths.get("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover profile in the temporary directory is harmless
        }
    }
}
