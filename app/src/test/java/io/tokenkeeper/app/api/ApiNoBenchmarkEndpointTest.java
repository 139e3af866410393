package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import java.net.http.HttpRequest;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The application holds nothing that only a benchmark needs: every API endpoint is under {@code /api/v1} and takes a
 * token, no path trades a password for a token, and the load benchmark's unauthenticated twin (in the {@code bench}
 * module, which only its script puts on the class path) is absent.
 */
@ApplicationTest
class ApiNoBenchmarkEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTestData testData;

    @Test
    void every_api_endpoint_is_under_api_v1_except_the_openapi_document_and_the_fallback() {
        var apiPaths = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(info -> info.getPatternValues())
                .flatMap(Collection::stream)
                .filter(path -> path.startsWith("/api"))
                .toList();

        assertThat(apiPaths).contains("/api/v1/me", "/api/**");
        assertThat(apiPaths).allSatisfy(path -> assertThat(
                        path.startsWith("/api/v1/") || path.equals("/api/**") || path.startsWith("/api/openapi"))
                .as(path)
                .isTrue());
    }

    @Test
    void no_path_trades_a_username_and_password_for_a_token() {
        var caller = testData.aCaller();
        var api = new ApiClient(port);
        var signIn = "{\"username\":\"" + caller.username() + "\",\"password\":\"" + UserTestData.PASSWORD + "\"}";

        for (var path : List.of("/api/bench/tokens", "/api/v1/tokens", "/api/tokens")) {
            var response = api.send(api.request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(signIn)));
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).doesNotContain("tkp_");
        }
        assertThat(api.get("/api/bench/me-unauthenticated", caller.bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_load_benchmark_s_unauthenticated_twin_is_not_in_the_application() {
        var caller = testData.aCaller();
        var api = new ApiClient(port);
        var captured = api.send(api.request("/api/v1/me")
                .header("Authorization", caller.bearer())
                .header("X-Tokenkeeper-Bench", "capture")
                .GET());

        var twin = api.send(
                api.request("/api/v1/me").header("X-Tokenkeeper-Bench", "twin").GET());

        assertThat(captured.statusCode()).isEqualTo(200);

        assertThat(twin.statusCode()).isEqualTo(401);
        assertThat(ClassUtils.isPresent("io.tokenkeeper.bench.load.UnauthenticatedTwinAutoConfiguration", null))
                .isFalse();
    }
}
