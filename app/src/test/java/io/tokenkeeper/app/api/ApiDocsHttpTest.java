package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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

    @Test
    void no_description_has_angle_brackets_outside_a_code_span_where_swagger_ui_would_swallow_them_as_html() {
        var document = ApiClient.json(new ApiClient(port).getAnonymously("/api/openapi"));
        var descriptions = new ArrayList<String>();
        collectDescriptions(document, descriptions);

        assertThat(document.at("/info/description").asString()).contains("`Authorization: Bearer <token>`");
        assertThat(descriptions).hasSizeGreaterThan(10);
        assertThat(descriptions)
                .allSatisfy(text -> assertThat(text.replaceAll("`[^`]*`", "")).doesNotContain("<"));
    }

    private static void collectDescriptions(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if ((field.getKey().equals("description") || field.getKey().equals("summary"))
                        && field.getValue().isString()) {
                    found.add(field.getValue().asString());
                } else {
                    collectDescriptions(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectDescriptions(child, found));
        }
    }
}
