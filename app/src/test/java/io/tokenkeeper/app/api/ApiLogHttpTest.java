package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No token value reaches the log, whatever a client gets wrong. */
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
}
