package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed flow with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape and typing): sign in, open API Tokens,
 * add a token, copy it, close, revoke it. The focus lands where a screen-reader user needs it at every step.
 */
@ApplicationTest
class KeyboardBrowserTest {

    private static final By DIALOG = By.xpath("//vaadin-dialog-overlay[@opened] | //vaadin-dialog[@opened]");

    @LocalServerPort
    int port;

    @Autowired
    UserTestData users;

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

    private Object clipboard() {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
    }

    @Test
    void the_seed_flow_works_with_the_keyboard_alone() throws Exception {
        var user = users.aUserWithApiAccess();
        var keys = new Keyboard(driver);
        var wait = Browser.waitFor(driver);
        driver.get("http://localhost:" + port + "/login");
        wait.until(visibilityOfElementLocated(By.xpath("//vaadin-text-field[label[.='Username']]/input")));

        keys.tabTo("input Username");
        keys.type(user.username().value());
        keys.tabTo("input Password");
        keys.type(UserTestData.PASSWORD);
        keys.press(Keys.ENTER);
        wait.until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));

        keys.tabTo("a API Tokens");
        keys.press(Keys.ENTER);
        wait.until(urlContains("/api-tokens"));

        keys.tabTo("Add New Token");
        keys.press(Keys.ENTER);
        keys.expectFocusOn("input Name");
        keys.type("Keyboard token");
        keys.press(Keys.ENTER);

        keys.expectFocusOn("input Your new API token “Keyboard token”");
        String value = driver.findElement(
                        By.xpath("//vaadin-text-field[label[starts-with(.,'Your new API token')]]/input"))
                .getDomProperty("value");
        assertThat(driver.findElement(By.xpath("//vaadin-text-field[label[starts-with(.,'Your new API token')]]"
                                + "/*[@slot='helper']"))
                        .getText())
                .as("the warning is the value's description, read with it")
                .contains("will not be shown again");

        keys.tabTo("Copy to Clipboard");
        keys.press(Keys.ENTER);
        wait.until(page -> value.equals(clipboard()));

        // The first Escape closes the button's tooltip, the second the dialog.
        keys.press(Keys.ESCAPE);
        keys.press(Keys.ESCAPE);
        wait.until(invisibilityOfElementLocated(DIALOG));
        keys.expectFocusOn("Add New Token");

        keys.tabTo("td");
        keys.press(Keys.ENTER);
        keys.expectFocusOn("Actions for “Keyboard token”");
        keys.press(Keys.ENTER);
        keys.expectFocusOn("vaadin-popover Actions for “Keyboard token”");
        keys.tabTo("vaadin-button Revoke");
        keys.press(Keys.ENTER);

        keys.expectFocusOn("vaadin-button Cancel");
        // For a second after it opens, the confirmation hands the focus back to Cancel whatever takes it
        // (Confirmations): a Tab within that second stays on Cancel. On a slow machine all of tabTo's presses fell into
        // it, so wait it out as a person would.
        Thread.sleep(1_100);
        keys.tabTo("Revoke");
        keys.press(Keys.ENTER);
        wait.until(visibilityOfElementLocated(By.xpath("//h3[.='You have no API tokens yet.']")));
        keys.expectFocusOn("Add New Token");
        assertThat(driver.getPageSource()).doesNotContain(value);
    }
}
