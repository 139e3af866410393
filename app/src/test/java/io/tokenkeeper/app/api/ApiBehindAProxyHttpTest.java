package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.Application;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deployment behind a reverse proxy: only the proxies named in TOKENKEEPER_TRUSTED_PROXIES have their
 * X-Forwarded-For believed, even with Spring Boot's SERVER_FORWARD_HEADERS_STRATEGY=native set (it is ignored), and
 * TOKENKEEPER_HTTPS_ONLY makes every answer carry HSTS and the session cookie Secure.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenkeeper.web.trusted-proxies=127.0.250.0/24, 127.0.252.1",
            "tokenkeeper.web.https-only=true",
            "server.forward-headers-strategy=native"
        })
@ActiveProfiles("test")
class ApiBehindAProxyHttpTest {

    private static final String ME = "/api/v1/me";
    private static final String INSIDE = "203.0.113.5";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @AfterEach
    void trustEveryAddressAgain() {
        testData.trustOnly();
    }

    @Test
    void the_client_behind_a_named_proxy_is_the_forwarded_address() throws Exception {
        var caller = testData.aCaller();
        testData.trustOnly(INSIDE + "/32");
        var proxy = new ApiClient(port, address(127, 0, 250, 9));

        assertThat(Polling.within1Second(() -> viaProxy(proxy, caller, "198.51.100.1"), r -> r.statusCode() == 403)
                        .statusCode())
                .isEqualTo(403);
        assertThat(viaProxy(proxy, caller, INSIDE).statusCode()).isEqualTo(200);
        assertThat(viaProxy(proxy, caller, INSIDE + ", 127.0.252.1").statusCode())
                .as("a second named proxy in the chain is skipped")
                .isEqualTo(200);
        assertThat(viaProxy(proxy, caller, INSIDE + ", 198.51.100.1").statusCode())
                .as("the right-most address that is not a proxy is the client")
                .isEqualTo(403);
    }

    @Test
    void a_peer_that_is_not_a_named_proxy_cannot_pick_its_address_though_it_is_loopback() throws Exception {
        var caller = testData.aCaller();
        testData.trustOnly(INSIDE + "/32");
        var sidecar = new ApiClient(port, address(127, 0, 251, 9));

        var spoofed = Polling.within1Second(
                () -> viaProxy(sidecar, caller, INSIDE), response -> response.statusCode() == 403);

        assertThat(spoofed.statusCode()).isEqualTo(403);
    }

    @Test
    void https_only_sends_hsts_everywhere_and_marks_the_session_cookie_secure() throws Exception {
        var page = new ApiClient(port).getAnonymously("/login");

        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
    }

    private static HttpResponse<String> viaProxy(ApiClient peer, ApiTestData.Caller caller, String forwardedFor) {
        return peer.send(peer.request(ME)
                .header("Authorization", caller.bearer())
                .header("X-Forwarded-For", forwardedFor)
                .GET());
    }

    private static InetAddress address(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
