package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document describes the API and both ways to send a token. */
@ApplicationTest
class ApiDocsHttpTest {

    @LocalServerPort
    int port;

    @Test
    void the_openapi_document_is_public_and_names_both_security_schemes() {
        var response = new ApiClient(port).openApiDocument();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        var document = ApiClient.json(response);
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asString())
                .isEqualTo("basic");
        assertThat(document.at("/paths").propertyNames())
                .contains("/api/v1/me", "/api/v1/tokens", "/api/v1/tokens/{id}")
                .noneMatch(path -> path.contains("**"));
    }
}
