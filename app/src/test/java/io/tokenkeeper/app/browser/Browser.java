package io.tokenkeeper.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. The flags keep it from phoning home (the network
 * is closed) and let it run as root in a container.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** API Tokens' controls, found as a user finds them: by their labels. */
    static final By ADD_NEW_TOKEN = By.xpath("//vaadin-button[text()[normalize-space(.)='Add New Token']]");

    static final By TOKEN_NAME = By.xpath("//vaadin-text-field[label[.='Name']]/input");
    static final By GENERATE_TOKEN = By.xpath("//vaadin-button[text()[normalize-space(.)='Generate Token']]");
    static final By NEW_TOKEN_VALUE = By.xpath("//vaadin-text-field[label[starts-with(.,'Your new API token')]]/input");

    private Browser() {}

    static ChromeDriver start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ". Install them with: apt-get install -y chromium chromium-driver");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("tokenkeeper-chromium"));
        // Console messages (Content-Security-Policy violations among them) become readable through the driver.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Lets the page on {@code port} read and write the clipboard, as Copy to Clipboard needs. */
    static void allowClipboard(ChromeDriver driver, int port) {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        "http://localhost:" + port,
                        "permissions",
                        List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens {@code path}, lands on the login form, signs in and waits until the page has left the login form. */
    static void signIn(ChromeDriver driver, int port, String path, String username, String password) {
        driver.get("http://localhost:" + port + path);
        var wait = waitFor(driver);
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//vaadin-text-field[label[.='Username']]/input")))
                .sendKeys(username);
        driver.findElement(By.xpath("//vaadin-password-field[label[.='Password']]/input"))
                .sendKeys(password + Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** On API Tokens: opens the generate dialog and types {@code name}, leaving the rest of the dialog to the caller. */
    static void startNewToken(ChromeDriver driver, String name) {
        var wait = waitFor(driver);
        wait.until(ExpectedConditions.elementToBeClickable(ADD_NEW_TOKEN)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(TOKEN_NAME)).sendKeys(name);
    }

    /** What the page wrote to the browser console since the last call that mentions {@code text}. */
    static List<String> consoleMessagesContaining(ChromeDriver driver, String text) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains(text))
                .toList();
    }

    /** Saves what the browser shows under target/screenshots, for a person to look at. */
    static void screenshot(ChromeDriver driver, String name) throws java.io.IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
