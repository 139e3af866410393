package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.base.LocalDays;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The seed flow in a real browser: generate a token, copy it with the button, and check what the clipboard got. */
@ApplicationTest
class ApiTokenBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    private ChromeDriver driver;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        Browser.allowClipboard(driver, port);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void in_new_york_an_expiry_date_means_the_end_of_that_day_in_new_york_and_enter_there_does_not_generate()
            throws Exception {
        var newYork = ZoneId.of("America/New_York");
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", newYork.getId()));
        var user = users.aUserWithApiAccess();
        Browser.signIn(
                driver,
                port,
                "/settings/user-information/api-tokens",
                user.username().value(),
                UserTestData.PASSWORD);
        var wait = Browser.waitFor(driver);
        Browser.startNewToken(driver, "New York token");
        var day = LocalDate.now(newYork).plusDays(10);
        var date = driver.findElement(By.xpath("//vaadin-date-picker[label[.='Expiration date']]/input"));
        date.sendKeys(day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + day.getYear() + Keys.ENTER);
        Thread.sleep(1000);
        assertThat(driver.findElements(Browser.NEW_TOKEN_VALUE))
                .as("Enter in the date field only picks the date")
                .isEmpty();

        driver.findElement(Browser.GENERATE_TOKEN).click();
        wait.until(visibilityOfElementLocated(Browser.NEW_TOKEN_VALUE));

        var created = tokens.listOwn(new Actor(user, null)).getFirst();
        assertThat(created.expiresAt()).isEqualTo(LocalDays.endOf(day, newYork));
    }

    @Test
    void copy_to_clipboard_and_close_puts_the_shown_value_on_the_clipboard_and_nowhere_else() throws Exception {
        var user = users.aUserWithApiAccess();
        Browser.signIn(
                driver,
                port,
                "/settings/user-information/api-tokens",
                user.username().value(),
                UserTestData.PASSWORD);
        var wait = Browser.waitFor(driver);

        Browser.startNewToken(driver, "Browser token");
        driver.findElement(Browser.GENERATE_TOKEN).click();

        String shown =
                wait.until(visibilityOfElementLocated(Browser.NEW_TOKEN_VALUE)).getDomProperty("value");
        assertThat(TokenSecret.parse(shown)).isPresent();
        Browser.screenshot(driver, "new-api-token");

        driver.findElement(By.xpath("//vaadin-button[text()[normalize-space(.)='Copy to Clipboard & Close']]"))
                .click();
        wait.until(invisibilityOfElementLocated(Browser.NEW_TOKEN_VALUE));

        Object clipboard = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(clipboard).isEqualTo(shown);
        wait.until(visibilityOfElementLocated(By.xpath("//vaadin-grid-cell-content[.='Browser token']")));
        assertThat(driver.getPageSource()).doesNotContain(shown);
        Browser.screenshot(driver, "api-tokens");
    }
}
