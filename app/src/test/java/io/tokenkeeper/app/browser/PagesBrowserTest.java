package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.resourceserver.ResourceServerTestData;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page an administrator can open, and every dialog on them, at 1280 px and at a phone's 390 px, in a browser in
 * New York's time zone: axe-core finds no WCAG 2.2 A/AA violation of any impact, nothing sticks out sideways on the
 * phone, and a screenshot of each is left in {@code target/screenshots} for people to look at.
 */
@ApplicationTest
class PagesBrowserTest {

    private static final By OPEN_OVERLAY =
            By.xpath("//vaadin-dialog[@opened] | //vaadin-confirm-dialog[@opened]" + " | //vaadin-popover[@opened]");

    @LocalServerPort
    int port;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Autowired
    ResourceServerTestData resourceServers;

    private ChromeDriver driver;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void every_page_and_dialog_is_accessible_and_fits_a_desktop() throws Exception {
        checkEverything(Layout.DESKTOP);
    }

    @Test
    void every_page_and_dialog_is_accessible_and_fits_a_phone() throws Exception {
        checkEverything(Layout.PHONE);
    }

    @Test
    void the_access_denied_page_names_the_missing_privilege_and_is_accessible() throws Exception {
        var user = users.aUserWithoutPrivileges();
        Browser.signIn(driver, port, "/administration/users", user.username().value(), UserTestData.PASSWORD);
        var heading = Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='Access denied']")));
        assertThat(heading.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.xpath("//p[contains(.,'needs the Administrator privilege')]"))
                        .isDisplayed())
                .isTrue();
        check("access-denied", Layout.DESKTOP);
        assertThat(problems).isEmpty();
    }

    private void checkEverything(int width) throws Exception {
        Layout.viewport(driver, width);
        var admin = anAdministratorWithTokens();
        driver.get("http://localhost:" + port + "/login");
        Browser.waitFor(driver)
                .until(visibilityOfElementLocated(By.xpath("//vaadin-text-field[label[.='Username']]/input")));
        check("sign-in", width);

        Browser.signIn(
                driver, port, "/settings/user-information", admin.username().value(), UserTestData.PASSWORD);
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));
        settle();
        for (String path : pages()) {
            driver.get("http://localhost:" + port + "/" + path);
            Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2")));
            settle();
            String name = path.replace('/', '-');
            check(name, width);
            checkDialogs(path, name, width);
        }
        openUserMenu();
        check("user-menu", width);
        closeOverlays();
        click(Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath("//vaadin-button[starts-with(@aria-label,'Notifications')]"))));
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-dialog[@opened]")));
        check("notifications", width);

        assertThat(problems)
                .as("axe-core " + Axe.version(driver) + " violations and sideways overflow at " + width + " px")
                .isEmpty();
    }

    private User anAdministratorWithTokens() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        var actor = new Actor(admin, null);
        tokens.generate(actor, "terraform-production-deploy-pipeline-eu-west-1-nightly-rotation", null);
        tokens.generate(actor, "مفتاح النشر الآلي للإنتاج", null);
        var disabled = tokens.generate(actor, "CI", null);
        tokens.disable(actor, disabled.token().id());
        return admin;
    }

    /** Every page the side navigation and the User Information tabs lead to, in their order. */
    @SuppressWarnings("unchecked")
    private List<String> pages() {
        var found = (List<String>) driver.executeScript("return ["
                + "...Array.from(document.querySelectorAll('vaadin-side-nav-item')).map(i => i.getAttribute('path')),"
                + "...Array.from(document.querySelectorAll('nav.tk-tabs a')).map(a => a.getAttribute('href'))"
                + "].filter(p => p !== null);");
        var pages = new LinkedHashSet<String>();
        found.forEach(path -> pages.add(path.replaceFirst("^/", "")));
        assertThat(pages).contains("settings/user-information/api-tokens", "administration/users");
        return List.copyOf(pages);
    }

    private void checkDialogs(String path, String page, int width) throws Exception {
        switch (path) {
            case "settings/user-information/api-tokens" -> {
                click(button("Add New Token"));
                var expiry = Browser.waitFor(driver)
                        .until(visibilityOfElementLocated(
                                By.xpath("//vaadin-date-picker[label[.='Expiration date']]/*[@slot='helper']")));
                if (!expiry.getText().contains("America/New_York")) {
                    problems.add("the expiry date is not in the browser's zone: " + expiry.getText());
                }
                check(page + "-new-token", width);
                driver.findElement(By.xpath("//vaadin-text-field[label[.='Name']]/input"))
                        .sendKeys("Pages token" + width + Keys.ENTER);
                Browser.waitFor(driver)
                        .until(visibilityOfElementLocated(
                                By.xpath("//vaadin-text-field[label[starts-with(.,'Your new API token')]]")));
                click(button("Test token"));
                var result = Browser.waitFor(driver)
                        .until(visibilityOfElementLocated(By.xpath("//p[contains(@class,'tk-test-result')]"
                                + "[starts-with(normalize-space(.),'Works — authenticated as')]")));
                assertThat(result.getText()).isNotBlank();
                check(page + "-new-token-value", width);
                new Actions(driver).sendKeys(Keys.ESCAPE).perform();
                Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-confirm-dialog[@opened]")));
                check(page + "-close-without-copying", width);
                click(button("Close"));
                closeOverlays();

                openRowActions();
                check(page + "-row-actions", width);
                click(panelButton("Rename"));
                check(page + "-rename", width);
                closeOverlays();
                openRowActions();
                click(panelButton("Revoke"));
                check(page + "-revoke", width);
                closeOverlays();
                for (String action : List.of("Details", "Regenerate", "Extend Expiry")) {
                    openRowActions();
                    click(panelButton(action));
                    Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-dialog[@opened]")));
                    check(page + "-" + action.toLowerCase(Locale.ROOT).replace(' ', '-'), width);
                    closeOverlays();
                }
                click(button("Add Canary Token"));
                check(page + "-canary", width);
                closeOverlays();
            }
            case "administration/users" -> {
                click(button("New User"));
                check(page + "-new-user", width);
                closeOverlays();
                openRowActions();
                check(page + "-row-actions", width);
                click(panelButton("Edit"));
                check(page + "-edit-user", width);
                closeOverlays();
                openRowActions();
                click(panelButton("Reset Password"));
                check(page + "-reset-password", width);
                closeOverlays();
            }
            case "administration/tokens" -> {
                click(button("Freeze Tokens"));
                check(page + "-freeze", width);
                closeOverlays();
                click(button("Unfreeze Tokens"));
                check(page + "-unfreeze", width);
                closeOverlays();
                openRowActions();
                click(panelButton("Revoke"));
                check(page + "-revoke", width);
                closeOverlays();
            }
            case "administration/resource-servers" -> {
                String name = "Pages API " + width;
                String prefix = resourceServers.unique("pages");
                click(button("New Resource Server"));
                Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-dialog[@opened]")));
                check(page + "-new-resource-server", width);
                type("Name", name);
                type("Identifier", "https://" + prefix + ".example.com");
                type("Scope", prefix + ":read");
                type("One-line description", "Read what the pages test keeps there");
                click(button("Register"));
                Browser.waitFor(driver)
                        .until(visibilityOfElementLocated(
                                By.xpath("//vaadin-text-field[label[starts-with(.,'Client secret of')]]")));
                check(page + "-client-secret", width);
                closeWithoutCopying();

                openRowActions(name);
                check(page + "-row-actions", width);
                click(panelButton("Edit"));
                Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-dialog[@opened]")));
                check(page + "-edit", width);
                closeOverlays();
                for (String action : List.of("Disable", "Delete")) {
                    openRowActions(name);
                    click(panelButton(action));
                    Browser.waitFor(driver)
                            .until(visibilityOfElementLocated(By.xpath("//vaadin-confirm-dialog[@opened]")));
                    check(page + "-" + action.toLowerCase(Locale.ROOT), width);
                    closeOverlays();
                }
                openRowActions(name);
                click(panelButton("Regenerate Secret"));
                Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-confirm-dialog[@opened]")));
                check(page + "-regenerate-secret", width);
                click(Browser.waitFor(driver)
                        .until(elementToBeClickable(By.xpath("//vaadin-confirm-dialog[@opened]"
                                + "//vaadin-button[text()[normalize-space(.)='Regenerate Secret']]"))));
                Browser.waitFor(driver)
                        .until(visibilityOfElementLocated(
                                By.xpath("//vaadin-text-field[label[starts-with(.,'New client secret of')]]")));
                check(page + "-new-secret", width);
                closeWithoutCopying();
            }
            case "administration/audit-log" -> {
                click(Browser.waitFor(driver)
                        .until(elementToBeClickable(
                                By.xpath("//vaadin-grid-cell-content[contains(.,'Token created')]"))));
                Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-dialog[@opened]")));
                check(page + "-event", width);
                closeOverlays();
            }
            default -> {}
        }
    }

    /** Screenshot, axe-core and (on a phone) the sideways check of what the browser shows now. */
    private void check(String name, int width) throws Exception {
        settle();
        Browser.screenshot(driver, name + "-" + width);
        Axe.violations(driver).forEach(violation -> problems.add(name + " at " + width + " px: " + violation));
        if (width == Layout.PHONE) {
            Layout.overflowing(driver).forEach(element -> problems.add(name + " at 390 px sticks out: " + element));
        }
    }

    private WebElement button(String text) {
        return Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath("//vaadin-button[text()[normalize-space(.)='" + text + "']]")));
    }

    private WebElement panelButton(String text) {
        return Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath(
                        "//vaadin-popover[@opened]//vaadin-button[text()[normalize-space(.)='" + text + "']]")));
    }

    /** Types into the input of the text field labelled so (in the open dialog, when there is one). */
    private void type(String label, String text) {
        var input = Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath("//vaadin-text-field[label[.='" + label + "']]/input")));
        input.sendKeys(text);
        settle();
    }

    /** Escape on a dialog showing a value once asks first; Close answers it. */
    private void closeWithoutCopying() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-confirm-dialog[@opened]")));
        click(button("Close"));
        closeOverlays();
    }

    private void openRowActions(String rowName) {
        click(Browser.waitFor(driver)
                .until(elementToBeClickable(
                        By.xpath("//vaadin-button[@aria-label='Actions for \u201C" + rowName + "\u201D']"))));
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-popover[@opened]")));
    }

    private void openRowActions() {
        click(Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath("//vaadin-button[starts-with(@aria-label,'Actions for')]"))));
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-popover[@opened]")));
    }

    private void openUserMenu() {
        click(Browser.waitFor(driver)
                .until(elementToBeClickable(By.xpath("//vaadin-button[starts-with(@aria-label,'User menu of')]"))));
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//vaadin-popover[@opened]")));
    }

    private void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        settle();
    }

    /** Escape until no dialog, panel or menu is open any more. */
    private void closeOverlays() {
        for (int i = 0; i < 5 && !driver.findElements(OPEN_OVERLAY).isEmpty(); i++) {
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            settle();
        }
        assertThat(driver.findElements(OPEN_OVERLAY)).as("every dialog closed").isEmpty();
    }

    /** Lets the page finish what the last action started (a server round trip, an overlay's animation). */
    private void settle() {
        Browser.waitFor(driver)
                .until(page -> Boolean.TRUE.equals(
                        driver.executeScript("return !window.Vaadin || !Vaadin.Flow || !Vaadin.Flow.clients"
                                + " || Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
