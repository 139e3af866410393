package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.security.TestIdentityProvider;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in through a real OpenID provider (in-process) in a real browser: the provider's own sign-in page, the
 * redirect back, the account Tokenkeeper makes of it, its privileges following the provider's groups, and the
 * refusals of what was not the provider's honest answer.
 */
@ApplicationTest
class SingleSignOnBrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String CALLBACK = "/login/oauth2/code/oidc";

    @LocalServerPort
    int port;

    @Autowired
    PolicyService policies;

    @Autowired
    UserStore users;

    @Autowired
    UserTestData testUsers;

    @Autowired
    TokenService tokens;

    @Autowired
    AuditLog audit;

    private ChromeDriver driver;
    private Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = new Actor(testUsers.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        policies.updateSignInPolicy(
                admin,
                Map.of(
                        Privilege.API_ACCESS, List.of("tokenkeeper-users"),
                        Privilege.ADMINISTRATOR, List.of("tokenkeeper-admins")),
                false);
        driver = Browser.start();
        TestIdentityProvider.requestedPaths();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        policies.updateSignInPolicy(admin, Map.of(), false);
    }

    @Test
    void a_first_sign_in_creates_the_account_with_the_mapped_privileges_and_signing_out_ends_both_sessions()
            throws Exception {
        var username = "carol" + SEQUENCE.incrementAndGet();
        driver.get("http://localhost:" + port + "/login");
        Browser.waitFor(driver)
                .until(visibilityOfElementLocated(By.linkText("Sign in with " + TestIdentityProvider.NAME)));
        Browser.screenshot(driver, "sign-in-with-the-identity-provider");

        signInThroughTheProvider("subject-" + username, username, "tokenkeeper-users", "staff");

        var heading = Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));
        assertThat(heading.isDisplayed()).isTrue();
        var carol = users.findByUsername(username).orElseThrow();
        assertThat(carol.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(carol.displayName().value()).isEqualTo("Carol Example");
        assertThat(users.passwordHash(carol.id())).isEmpty();
        assertThat(driver.findElements(By.xpath("//vaadin-password-field"))).isEmpty();
        assertThat(latestEventAbout(carol).details()).isEqualTo("Signed in through " + TestIdentityProvider.NAME);
        Browser.screenshot(driver, "signed-in-through-the-identity-provider");

        signOut();

        assertThat(TestIdentityProvider.requestedPaths())
                .as("the provider was asked to end its session too")
                .anyMatch(path -> path.startsWith("/tokenkeeper-idp/endsession?id_token_hint="));
        assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/login?logout");
        assertThat(latestEventAbout(carol).action()).isEqualTo(AuditAction.SIGNED_OUT);
        assertThat(Browser.consoleMessagesContaining(driver, "Content Security Policy"))
                .as("the Content-Security-Policy lets the sign-in and sign-out through the provider work")
                .isEmpty();
    }

    @Test
    void leaving_the_group_takes_api_access_away_at_the_next_sign_in_and_the_token_gets_401() throws Exception {
        var username = "dave" + SEQUENCE.incrementAndGet();
        signInThroughTheProvider("subject-" + username, username, "tokenkeeper-users");
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));
        var dave = users.findByUsername(username).orElseThrow();
        var token = tokens.generate(new Actor(dave, "192.0.2.9"), "CI", null)
                .secret()
                .reveal();
        assertThat(callTheApi(token)).isEqualTo(200);
        signOut();

        signInThroughTheProvider("subject-" + username, username, "staff");
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.xpath("//h2[.='User Information']")));

        assertThat(users.findById(dave.id()).orElseThrow().privileges()).isEmpty();
        assertThat(callTheApi(token)).isEqualTo(401);
        assertThat(audit.search(AuditFilter.ALL, 0, 20))
                .anyMatch(event -> event.action() == AuditAction.PRIVILEGES_CHANGED
                        && event.details()
                                .equals("Privileges from the groups at Test IdP: API Access → no privileges"));
    }

    @Test
    void a_forged_state_is_refused_and_nobody_is_signed_in() {
        driver.get("http://localhost:" + port + "/login");
        Browser.waitFor(driver)
                .until(elementToBeClickable(By.linkText("Sign in with " + TestIdentityProvider.NAME)))
                .click();
        Browser.waitFor(driver).until(visibilityOfElementLocated(By.name("username")));

        driver.get("http://localhost:" + port + CALLBACK + "?code=stolen-code&state=forged-state");

        expectRefusalOnTheSignInPage();
        assertThat(latestEvent().details()).contains("authorization_request_not_found");
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        var username = "eve" + SEQUENCE.incrementAndGet();
        TestIdentityProvider.nextTokenClaimsIssuer("http://localhost:1/another-issuer");

        signInThroughTheProvider("subject-" + username, username, "tokenkeeper-admins");

        expectRefusalOnTheSignInPage();
        assertThat(users.findByUsername(username)).isEmpty();
        assertThat(latestEvent().details()).contains("invalid_id_token").contains("iss");
    }

    private void signInThroughTheProvider(String subject, String username, String... groups) {
        driver.get("http://localhost:" + port + "/login");
        var wait = Browser.waitFor(driver);
        wait.until(elementToBeClickable(By.linkText("Sign in with " + TestIdentityProvider.NAME)))
                .click();
        wait.until(urlContains(TestIdentityProvider.issuer()));
        wait.until(visibilityOfElementLocated(By.name("username"))).sendKeys(subject);
        var groupList = String.join("\",\"", groups);
        driver.findElement(By.name("claims"))
                .sendKeys("{\"preferred_username\":\"" + username + "\",\"name\":\"Carol Example\",\"email\":\""
                        + username + "@example.com\",\"groups\":[\"" + groupList + "\"]}");
        driver.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(urlContains("localhost:" + port));
    }

    private void signOut() {
        var wait = Browser.waitFor(driver);
        wait.until(elementToBeClickable(By.xpath("//vaadin-button[starts-with(@aria-label,'User menu of')]")))
                .click();
        wait.until(elementToBeClickable(
                        By.xpath("//vaadin-popover[@opened]//vaadin-button[text()[normalize-space(.)='Sign out']]")))
                .click();
        wait.until(urlContains("/login?logout"));
    }

    private void expectRefusalOnTheSignInPage() {
        Browser.waitFor(driver).until(urlContains("/login?sso=failed"));
        var shown = Browser.waitFor(driver)
                .until(page -> driver.executeScript("const f = document.querySelector('vaadin-login-form');"
                        + "return f && f.error && f.i18n.errorMessage.message;"));
        assertThat(shown).asString().contains("did not complete");
        driver.get("http://localhost:" + port + "/settings/user-information");
        Browser.waitFor(driver).until(urlContains("/login"));
        assertThat(latestEvent().action()).isEqualTo(AuditAction.SIGN_IN_FAILED);
    }

    private int callTheApi(String token) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private AuditEvent latestEvent() {
        return audit.search(AuditFilter.ALL, 0, 1).getFirst();
    }

    private AuditEvent latestEventAbout(User user) {
        return audit.search(AuditFilter.ALL, 0, 50).stream()
                .filter(event -> String.valueOf(user.id().value()).equals(event.targetId()))
                .findFirst()
                .orElseThrow();
    }
}
