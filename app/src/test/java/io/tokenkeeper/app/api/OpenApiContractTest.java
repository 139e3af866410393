package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every HTTP test's answers pass through finds what a generated client would trip over. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/v1/things": {"post": {"responses": {
                 "201": {"description": "made",
                         "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "429": {"description": "slow down",
                         "headers": {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
                         "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
               "/api/v1/things/{id}": {"delete": {"responses": {"204": {"description": "gone"}}}},
               "/api/v1/things/mine": {"delete": {"responses": {"200": {"description": "kept"}}}}},
             "components": {
               "headers": {"Retry-After": {"required": true, "schema": {"type": "integer", "minimum": 1}}},
               "schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {
                 "id": {"type": "integer"}, "note": {"type": ["string", "null"]}}}}}}
            """;

    private final OpenApiContract contract = new OpenApiContract(DOCUMENT);

    @Test
    void accepts_an_answer_as_documented() {
        assertThat(contract.violations(
                        "POST",
                        "/api/v1/things",
                        201,
                        headers("Location", "/api/v1/things/1"),
                        "{\"id\":1,\"note\":null}"))
                .isEmpty();
        assertThat(contract.violations("DELETE", "/api/v1/things/1", 204, headers(), ""))
                .isEmpty();
    }

    @Test
    void finds_an_undocumented_status() {
        assertThat(contract.violations("DELETE", "/api/v1/things/1", 200, headers(), ""))
                .singleElement()
                .asString()
                .contains("status 200 is not documented");
    }

    @Test
    void takes_the_most_literal_path_as_spring_routes_it() {
        assertThat(contract.violations("DELETE", "/api/v1/things/mine", 200, headers(), ""))
                .isEmpty();
    }

    @Test
    void finds_a_created_answer_without_its_location() {
        assertThat(contract.violations("POST", "/api/v1/things", 201, headers(), "{\"id\":1}"))
                .singleElement()
                .asString()
                .contains("Location");
    }

    @Test
    void finds_an_undocumented_field_and_a_field_of_the_wrong_type() {
        var location = headers("Location", "/api/v1/things/1");

        assertThat(contract.violations("POST", "/api/v1/things", 201, location, "{\"id\":1,\"colour\":\"red\"}"))
                .singleElement()
                .asString()
                .contains("colour");
        assertThat(contract.violations("POST", "/api/v1/things", 201, location, "{\"id\":\"1\"}"))
                .singleElement()
                .asString()
                .contains("/id");
    }

    @Test
    void finds_an_undocumented_media_type_and_a_body_where_none_is_documented() {
        var html = headers("Location", "/x", "Content-Type", "text/html");

        assertThat(contract.violations("POST", "/api/v1/things", 201, html, "<html>"))
                .singleElement()
                .asString()
                .contains("text/html");
        assertThat(contract.violations("DELETE", "/api/v1/things/1", 204, headers(), "{}"))
                .containsExactly("a body where the document has no content");
    }

    @Test
    void finds_a_missing_or_mistyped_header_behind_a_reference() {
        var problem = "application/problem+json";

        assertThat(contract.violations("POST", "/api/v1/things", 429, headers("Content-Type", problem), "{}"))
                .singleElement()
                .asString()
                .contains("Retry-After");
        assertThat(contract.violations(
                        "POST", "/api/v1/things", 429, headers("Content-Type", problem, "Retry-After", "soon"), "{}"))
                .singleElement()
                .asString()
                .contains("not an integer");
    }

    @Test
    void leaves_requests_without_a_documented_operation_to_their_tests() {
        assertThat(contract.violations("PUT", "/api/v1/things", 405, headers(), "<html>"))
                .isEmpty();
        assertThat(contract.violations("GET", "/elsewhere", 200, headers(), "x"))
                .isEmpty();
    }

    /** JSON unless the names and values say otherwise. */
    private static HttpHeaders headers(String... namesAndValues) {
        var map = new java.util.LinkedHashMap<String, List<String>>();
        map.put("Content-Type", List.of("application/json"));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(Map.copyOf(map), (name, value) -> true);
    }
}
