package dev.taskq.it.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on one deployment, driven through the system's chromedriver (never a downloaded
 * one), with a fresh profile that is removed on close.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Whether a missing browser fails the tests instead of skipping them: on CI, or when asked. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("taskq.it.browser.required");
    }

    /** @param base the deployment's URL, ending with a slash */
    Browser(String base) throws IOException {
        this.base = base;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        profile = Files.createTempDirectory(tmp, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1360,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a path of the deployment, e.g. {@code taskq/}. */
    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in through the application's FORM login page, which opening the console leads to. */
    void logIn(String user, String password) {
        open("taskq/");
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        // a console page, not just "not j_security_check", which holds on the login page before the POST has left
        await().withMessage(this::where).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.bar")));
    }

    /** Logs out by forgetting every cookie. */
    void forget() {
        driver.manage().deleteAllCookies();
    }

    /** Waits for the element; if it never comes, the failure shows the page the browser was on instead. */
    WebElement find(String css) {
        return await().withMessage(this::where).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private String where() {
        try {
            return "on " + driver.getCurrentUrl() + ", which shows:\n" + text();
        } catch (RuntimeException e) {
            return "on a page that could not be read: " + e;
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        find(css).click();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** True if the page opened a JavaScript dialog (alert, confirm, prompt). */
    boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Waits up to 15 s; an element that went stale because the page changed meanwhile is looked up again. */
    WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // A page replaced while a condition reads it (after a POST) surfaces as a stale element or, from Chromium, as
        // a plain WebDriverException "Node with given id does not belong to the document": read again. An error that
        // lasts still fails the wait after its timeout, with the last exception as the cause.
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Saves the viewport as a PNG under {@code taskq.it.screenshots} (target/screenshots unless set). */
    void screenshot(String fileName) {
        screenshot(fileName, 900);
    }

    /** {@link #screenshot(String)} in a window {@code height} pixels high. */
    void screenshot(String fileName, int height) {
        driver.manage().window().setSize(new Dimension(1360, height));
        Path directory = Path.of(System.getProperty("taskq.it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(fileName), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + fileName + " in " + directory, e);
        } finally {
            driver.manage().window().setSize(new Dimension(1360, 900));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
