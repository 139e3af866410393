package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser-facing security of the running server, over real HTTP. */
@ApplicationTest
class BrowserSecurityHttpTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    UserTestData testData;

    @Autowired
    DSLContext dsl;

    @Test
    void the_login_page_answers_200_with_security_headers() throws Exception {
        var response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>");
        assertThat(header(response, "X-Content-Type-Options")).contains("nosniff");
        assertThat(header(response, "X-Frame-Options")).contains("DENY");
        assertThat(header(response, "Referrer-Policy")).contains("no-referrer");
        assertThat(header(response, "Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void a_protected_route_redirects_an_anonymous_visitor_to_login() throws Exception {
        var response = get("/settings/user-information");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(header(response, "Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void readiness_is_public_and_up_with_the_database() throws Exception {
        var response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    @Test
    void a_right_password_signs_in_and_changes_the_session_id() throws Exception {
        var user = testData.aUserWithApiAccess();
        var form = new SignInForm(port);
        form.open();

        var response = form.submit(user.username().value(), UserTestData.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(header(response, "Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(SignInForm.sessionCookie(response))
                .hasValueSatisfying(after -> assertThat(after).isNotEqualTo(form.session()));
    }

    @Test
    void a_wrong_password_and_a_disabled_account_fail_the_same_way() throws Exception {
        var user = testData.aUserWithApiAccess();
        var disabled = testData.aUserWithApiAccess();
        dsl.execute(
                "update app_user set enabled = false where id = ?",
                disabled.id().value());

        var wrongPassword = signIn(user.username().value(), "not the password at all");
        var disabledAccount = signIn(disabled.username().value(), UserTestData.PASSWORD);
        var unknownUser = signIn("nobody-here", UserTestData.PASSWORD);

        for (var response : java.util.List.of(wrongPassword, disabledAccount, unknownUser)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(header(response, "Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        var form = new SignInForm(port);
        form.open();
        return form.submit(username, password);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
