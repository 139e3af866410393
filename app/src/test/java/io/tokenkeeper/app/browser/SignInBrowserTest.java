package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person in a real browser: the first-start administrator signs in and reaches User Information. */
@ApplicationTest
class SignInBrowserTest {

    @LocalServerPort
    int port;

    private ChromeDriver driver;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void the_first_administrator_signs_in_and_reaches_user_information() throws Exception {
        Browser.signIn(driver, port, "/settings/user-information", "admin", ApplicationTest.ADMIN_PASSWORD);

        var heading = Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));
        assertThat(heading.isDisplayed()).isTrue();
        assertThat(driver.getCurrentUrl()).contains("/settings/user-information");
        var username = driver.findElement(By.xpath("//vaadin-text-field[label[.='Username']]/input"));
        assertThat(username.getDomProperty("value")).isEqualTo("admin");
        assertThat(driver.findElement(By.xpath("//nav[@aria-label='User Information']/a[.='Profile']"))
                        .getDomAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(driver.getTitle()).isEqualTo("User Information | Tokenkeeper");
        Browser.screenshot(driver, "user-information");
        assertThat(Browser.consoleMessagesContaining(driver, "Content Security Policy"))
                .as("the Content-Security-Policy lets Vaadin work")
                .isEmpty();
    }

    @Test
    void a_signed_in_user_opens_swagger_ui_and_it_shows_the_api() throws Exception {
        Browser.signIn(driver, port, "/swagger-ui/index.html", "admin", ApplicationTest.ADMIN_PASSWORD);

        var title = Browser.waitFor(driver)
                .until(visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        assertThat(title.getText()).contains("Tokenkeeper");
        assertThat(driver.findElements(By.cssSelector(".opblock-summary-path")))
                .as("the operations of /api/v1")
                .isNotEmpty();
        Browser.screenshot(driver, "swagger-ui");
        assertThat(Browser.consoleMessagesContaining(driver, "Content Security Policy"))
                .as("the Content-Security-Policy lets Swagger UI work")
                .isEmpty();
    }

    @Test
    void a_failed_sign_in_keeps_the_username_and_not_the_password() {
        driver.get("http://localhost:" + port + "/login");
        var wait = Browser.waitFor(driver);
        wait.until(visibilityOfElementLocated(By.xpath("//vaadin-text-field[label[.='Username']]/input")))
                .sendKeys("nobody-by-this-name");
        driver.findElement(By.xpath("//vaadin-password-field[label[.='Password']]/input"))
                .sendKeys("not the password" + Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("error"));
        wait.until(page -> "nobody-by-this-name"
                .equals(driver.findElement(By.xpath("//vaadin-text-field[label[.='Username']]/input"))
                        .getDomProperty("value")));
        assertThat(driver.findElement(By.xpath("//vaadin-password-field[label[.='Password']]/input"))
                        .getDomProperty("value"))
                .isEmpty();
    }

    @Test
    void a_sign_in_page_that_expired_says_so_and_signs_in_on_the_next_try() {
        driver.get("http://localhost:" + port + "/login?expired");

        var shown = Browser.waitFor(driver)
                .until(page -> driver.executeScript("const f = document.querySelector('vaadin-login-form');"
                        + "return f && f.error && f.i18n.errorMessage.message;"));
        assertThat(shown).asString().contains("had expired");
        Browser.signIn(driver, port, "/settings/user-information", "admin", ApplicationTest.ADMIN_PASSWORD);
        assertThat(driver.getCurrentUrl()).contains("/settings/user-information");
        assertThat(Browser.consoleMessagesContaining(driver, "Content Security Policy"))
                .isEmpty();
    }
}
