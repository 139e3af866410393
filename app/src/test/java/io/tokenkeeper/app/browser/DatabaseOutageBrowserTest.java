package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.app.api.OtherNode;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.ui.base.ErrorNotifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page while PostgreSQL is gone: an action says at once that nothing was changed, and the same action works
 * again by itself once the database is back, without signing in again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageBrowserTest {

    private static final By UNAVAILABLE =
            By.xpath("//vaadin-notification-card[contains(., '" + ErrorNotifier.DATABASE_UNAVAILABLE + "')]");

    private Path data;
    private EmbeddedPostgres postgres;
    private OtherNode node;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        data = Files.createDirectories(Path.of("target", "test-postgres", "outage-ui-" + UUID.randomUUID()));
        postgres = startPostgres(0);
        node = OtherNode.startWithPages(postgres.getJdbcUrl("postgres", "postgres"));
        driver = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void generating_a_token_while_the_database_is_gone_says_so_and_works_once_it_is_back() throws Exception {
        var user = node.bean(UserTestData.class).aUserWithApiAccess();
        Browser.signIn(
                driver,
                node.port(),
                "/settings/user-information/api-tokens",
                user.username().value(),
                UserTestData.PASSWORD);
        var wait = Browser.waitFor(driver);
        Browser.startNewToken(driver, "During the outage");

        int port = postgres.getPort();
        postgres.close();
        driver.findElement(Browser.GENERATE_TOKEN).click();

        // The pool gives up after 0.8 s; three seconds leave room for a busy machine, not for the 30 s of a hang.
        new WebDriverWait(driver, Duration.ofSeconds(3)).until(visibilityOfElementLocated(UNAVAILABLE));
        Browser.screenshot(driver, "database-unavailable");
        assertThat(driver.findElements(Browser.NEW_TOKEN_VALUE)).isEmpty();

        postgres = startPostgres(port);
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(700)).until(browser -> {
            if (!browser.findElements(Browser.NEW_TOKEN_VALUE).isEmpty()) {
                return true;
            }
            browser.findElement(Browser.GENERATE_TOKEN).click();
            return false;
        });
        String shown =
                wait.until(visibilityOfElementLocated(Browser.NEW_TOKEN_VALUE)).getDomProperty("value");
        assertThat(TokenSecret.parse(shown)).isPresent();
    }

    private EmbeddedPostgres startPostgres(int port) throws java.io.IOException {
        var builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
