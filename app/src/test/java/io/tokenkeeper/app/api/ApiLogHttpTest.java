package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.net.http.HttpRequest;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No token value reaches the log, whatever a client gets wrong and whichever library writes the line. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiLogHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Test
    void no_request_puts_a_token_value_in_the_log(CapturedOutput output) {
        var caller = testData.aCaller();
        var api = new ApiClient(port);
        var value = caller.value();

        api.raw("/api/v1/me", "Authorization: Bearer " + value + "\u000b");
        api.raw("/api/v1/me", "Authorization: Bearer " + value, "Authorization: Bearer " + value);
        api.getAnonymously("/api/v1/me?access_token=" + value);
        api.get("/api/v1/me", "Bearer " + value + "x");
        api.get("/api/v1/me", ApiTestData.basic("someone-else", value));
        api.send(api.request("/api/v1/tokens")
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + value)));
        api.get("/api/v1/me", caller.bearer());

        assertThat(output.getAll()).doesNotContain(value).doesNotContain(value.substring(4, 30));
    }

    @Test
    void a_token_sent_as_a_cookie_or_anywhere_else_a_client_might_put_it_stays_out_of_the_log(CapturedOutput output) {
        var api = new ApiClient(port);
        var value = testData.aCaller().value();

        // Tomcat's cookie parser logs the first invalid cookie header it meets, whole, at INFO.
        api.raw("/api/v1/me", "Cookie: Authorization=Bearer " + value);
        api.raw("/", "Cookie: session=\"" + value + "; other=" + value);
        api.raw("/api/v1/tokens/" + value);
        api.raw("/api/v1/me?q=%zz" + value);
        api.raw("/api/v1/me", "X-Api-Key: " + value + "\u0001");
        api.raw("/api/v1/me", "User-Agent: " + value);
        api.raw("/api/v1/me", value + ": header name");
        api.rawRequest("GET /api/v1/me HTTP/1.1\r\nHost: [" + value + "\r\nConnection: close\r\n\r\n");
        api.rawRequest(value + " /api/v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        api.rawRequest("GET /api/v1/me?" + value + "=%\u00ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(output.getAll()).doesNotContain(value).doesNotContain(value.substring(4, 30));
        assertThat(LoggerFactory.getLogger("org.apache.tomcat.util.http.parser.Cookie")
                        .isInfoEnabled())
                .as("Tomcat's cookie parser is silenced below WARN")
                .isFalse();
    }

    @Test
    void every_logger_and_every_field_of_a_line_is_masked(CapturedOutput output) {
        var value = testData.aCaller().value();
        var slf4j = LoggerFactory.getLogger("some.library");

        slf4j.warn("Rejected {}", value);
        slf4j.atWarn().addKeyValue("credential", value).log("key-value pair");
        try (var ignored = MDC.putCloseable("token", value)) {
            slf4j.warn("mapped diagnostic context");
        }
        slf4j.warn("exception", new IllegalStateException("bad value " + value, new RuntimeException(value)));
        // Spring Boot bridges JUL at start-up; another test's context closing in this JVM may have taken it down.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.install();
        }
        java.util.logging.Logger.getLogger("some.jul.library").log(Level.WARNING, "through JUL: " + value);
        org.apache.commons.logging.LogFactory.getLog("some.jcl.library").warn("through commons-logging: " + value);
        slf4j.warn("two in a row {}{} and one glued to more text {}xyz", value, value, value);

        assertThat(output.getAll())
                .contains("Rejected " + value.substring(0, 8) + "*".repeat(34))
                .contains("through JUL: " + value.substring(0, 8))
                .contains("through commons-logging: " + value.substring(0, 8))
                .doesNotContain(value)
                .doesNotContain(value.substring(8, 24));
    }
}
