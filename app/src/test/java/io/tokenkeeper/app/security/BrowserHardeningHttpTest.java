package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a hostile page, a forged header or a long passphrase can do to the browser side, over real HTTP. */
@ApplicationTest
class BrowserHardeningHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserTestData testData;

    @Test
    void a_sign_in_posted_without_the_pages_token_is_refused_and_sent_back_to_sign_in() throws Exception {
        var user = testData.aUserWithApiAccess();
        var form = new SignInForm(port);
        form.open();

        var crossSite = form.submitWithoutToken(user.username().value(), UserTestData.PASSWORD, null);
        var sameSessionNoToken =
                form.submitWithoutToken(user.username().value(), UserTestData.PASSWORD, form.session());

        for (var response : java.util.List.of(crossSite, sameSessionNoToken)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue("/login?expired");
        }
        var stillAnonymous = form.get("/settings/user-information", form.session());
        assertThat(stillAnonymous.statusCode()).isEqualTo(302);
        assertThat(stillAnonymous.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void a_passphrase_longer_than_bcrypts_72_bytes_signs_in_and_every_character_counts() throws Exception {
        var passphrase = "ünïcödé wörds äre löng ".repeat(5).substring(0, 110);
        assertThat(passphrase.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(128);
        var user = testData.aUserWithPassword(passphrase);

        var right = new SignInForm(port);
        right.open();
        var signedIn = right.submit(user.username().value(), passphrase);
        var wrongEnd = new SignInForm(port);
        wrongEnd.open();
        var refused = wrongEnd.submit(user.username().value(), passphrase.substring(0, 109) + "x");

        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        assertThat(refused.headers().firstValue("Location")).hasValue("/login?error");
    }

    @Test
    void pages_carry_a_content_security_policy_that_forbids_framing_plugins_and_foreign_bases() throws Exception {
        var page = new SignInForm(port).open();

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("base-uri 'self'")
                .contains("default-src 'self'"));
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP unless TOKENKEEPER_HTTPS_ONLY is set")
                .isEmpty();
    }

    @Test
    void a_redirect_never_echoes_a_forged_host_header_nor_puts_the_session_id_in_the_url() {
        for (var path : java.util.List.of("/", "/settings/user-information", "/VAADIN", "/swagger-ui/index.html")) {
            var head = rawGet(path, "evil.example");

            assertThat(head).startsWith("HTTP/1.1 302");
            assertThat(location(head)).as(path).isEqualTo("/login");
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() throws Exception {
        var page = new SignInForm(port).open();

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=")
                .contains("HttpOnly")
                .contains("SameSite=Lax"));
    }

    @Test
    void a_header_value_with_a_control_character_is_refused_when_read_and_a_tab_is_let_through() {
        var controlCharacter = rawGet("/api/v1/me", "localhost", "Authorization: Bearer tk_\u0085");
        var tab = rawGet("/api/v1/me", "localhost", "Authorization: Bearer\ttk_");

        assertThat(controlCharacter).as("the firewall refuses it").startsWith("HTTP/1.1 400");
        assertThat(tab).as("the firewall lets it through; it is no token").startsWith("HTTP/1.1 401");
    }

    private String rawGet(String path, String host, String... headers) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + String.join(
                            "",
                            java.util.Arrays.stream(headers)
                                    .map(h -> h + "\r\n")
                                    .toList())
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(String head) {
        return head.lines()
                .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                .map(line -> line.substring(9).trim())
                .findFirst()
                .orElse("(none)");
    }
}
