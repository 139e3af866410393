package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.tokenkeeper.ApplicationTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document is a contract a generated client can rely on: valid for a maintained OpenAPI parser,
 * with every operation's statuses, problem schema and scope; and no odd input sent to any documented operation gets a
 * 5xx, HTML or a status the document does not list.
 */
@ApplicationTest
class ApiOpenApiContractTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Strings that have broken APIs before: NUL, overlong, right-to-left and astral characters, numbers too big. */
    private static final List<String> ODD_STRINGS = List.of(
            "\u0000",
            "a\u0000b",
            "x".repeat(3000),
            "\u202e\ud834\udd1e\u00fc",
            "-1",
            "9".repeat(30),
            "1.5",
            "true",
            "%",
            "' OR 1=1 --",
            "../..",
            " ");

    /** JSON values of every type, for every field of every body. */
    private static final List<String> ODD_JSON = List.of(
            "\"\\u0000\"",
            "\"" + "x".repeat(3000) + "\"",
            "\"\\u202e\\ud834\\udd1e\"",
            "0",
            "-1",
            "1e309",
            "true",
            "\"false\"",
            "null",
            "[]",
            "{}");

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    private ApiClient api;
    private OpenAPI document;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(api.openApiDocument().body(), null, options);
        assertThat(result.getMessages())
                .as("what the OpenAPI parser found wrong")
                .isEmpty();
        document = result.getOpenAPI();
        assertThat(document).isNotNull();
    }

    @Test
    void creating_a_token_is_documented_as_the_201_with_location_that_the_server_sends() {
        var create = document.getPaths().get("/api/v1/tokens").getPost();

        assertThat(create.getOperationId()).isEqualTo("createToken");
        assertThat(create.getResponses()).containsKey("201").doesNotContainKey("200");
        assertThat(create.getResponses().get("201").getHeaders()).containsKey("Location");
        assertThat(create.getResponses().get("201").getContent().get("application/json"))
                .isNotNull();
        assertThat(document.getPaths().get("/api/v1/tokens/{id}").getDelete().getResponses())
                .containsKey("204")
                .doesNotContainKey("200");
        var register = document.getPaths().get("/api/v1/admin/resource-servers").getPost();
        assertThat(register.getResponses().get("201").getHeaders()).containsKey("Location");
        assertThat(document.getPaths()
                        .get("/api/v1/admin/resource-servers/{id}")
                        .getDelete()
                        .getResponses())
                .containsKeys("204", "409")
                .doesNotContainKey("200");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' property maps
    void parameters_and_bodies_say_what_the_server_takes() {
        var listAll = document.getPaths().get("/api/v1/admin/tokens").getGet();
        var grant = document.getPaths()
                .get("/api/v1/admin/users/{id}/privileges/{privilege}")
                .getPut();
        var schemas = document.getComponents().getSchemas();

        assertThat(parameter(listAll, "sort").getSchema().getEnum())
                .containsExactly("NAME", "TOKEN", "OWNER", "CREATED", "LAST_USED", "EXPIRES", "STATUS");
        assertThat(parameter(listAll, "direction").getSchema().getEnum()).containsExactly("ASC", "DESC");
        assertThat(parameter(listAll, "limit").getSchema().getMaximum()).isEqualByComparingTo("500");
        assertThat(parameter(listAll, "offset").getSchema().getMinimum()).isEqualByComparingTo("0");
        assertThat(parameter(listAll, "createdFrom").getSchema().getFormat()).isEqualTo("date-time");
        assertThat(parameter(listAll, "q").getSchema().getFormat()).isNull();
        assertThat(parameter(listAll, "resourceServer").getSchema().getMaxLength())
                .isEqualTo(200);
        assertThat(listAll.getDescription()).contains("resourceServer");
        assertThat(parameter(grant, "privilege").getSchema().getEnum()).containsExactly("API_ACCESS", "ADMINISTRATOR");
        assertThat(parameter(grant, "id").getSchema().getMinimum()).isEqualByComparingTo("1");
        Schema name = (Schema) schemas.get("NewToken").getProperties().get("name");
        assertThat(name.getMinLength()).isEqualTo(1);
        assertThat(name.getMaxLength()).isEqualTo(100);
        assertThat(schemas.get("TokenSwitch").getRequired()).containsExactly("enabled");
        assertThat(schemas.get("CanaryRequest").getRequired()).containsExactly("name");
        Schema overlap = (Schema) schemas.get("RotateRequest").getProperties().get("overlap");
        assertThat(overlap.getEnum()).contains("NONE", "UNTIL_FIRST_USE");
        operations().forEach((what, documented) -> {
            var body = documented.operation().getRequestBody();
            if (body != null) {
                var ref = body.getContent().get("application/json").getSchema().get$ref();
                Map<String, Schema> fields =
                        schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).getProperties();
                fields.forEach((field, schema) ->
                        assertThat(schema.getExample()).as(what + " " + field).isNotNull());
            }
        });
    }

    private static Parameter parameter(Operation operation, String name) {
        return operation.getParameters().stream()
                .filter(parameter -> parameter.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void answer_fields_that_can_be_null_are_nullable_and_every_other_field_is_required() {
        Schema<?> token = document.getComponents().getSchemas().get("TokenJson");
        Schema<?> created = document.getComponents().getSchemas().get("CreatedToken");

        assertThat(token.getRequired())
                .contains("id", "name", "hint", "status", "enabled", "createdAt")
                .doesNotContain("expiresAt", "lastUsedAt", "lastUsedIp", "lastUsedResourceServer");
        assertThat(isNullable(token.getProperties().get("expiresAt"))).isTrue();
        assertThat(isNullable(token.getProperties().get("lastUsedResourceServer")))
                .isTrue();
        Schema<?> adminToken = document.getComponents().getSchemas().get("AdminToken");
        assertThat(isNullable(adminToken.getProperties().get("lastUsedResourceServer")))
                .isTrue();
        assertThat(isNullable(token.getProperties().get("lastUsedIp"))).isTrue();
        assertThat(isNullable(token.getProperties().get("name"))).isFalse();
        assertThat(created.getRequired()).contains("id", "value", "scopes", "allowedAddresses");
    }

    private static boolean isNullable(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getNullable())
                || (schema.getTypes() != null && schema.getTypes().contains("null"));
    }

    @Test
    void every_operation_has_a_client_friendly_id_its_problems_and_the_scope_it_needs() {
        assertThat(document.getComponents().getSecuritySchemes()).containsKeys("bearer", "basic");
        assertThat(document.getComponents().getSchemas()).containsKey("Problem");
        var ids = new HashSet<String>();
        operations().forEach((name, documented) -> {
            var operation = documented.operation();
            assertThat(operation.getOperationId()).as(name).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(operation.getOperationId()))
                    .as(name + " has a unique id")
                    .isTrue();
            assertThat(operation.getSummary()).as(name).isNotBlank();
            assertThat(operation.getTags()).as(name).isNotEmpty();
            var expected = new ArrayList<>(List.of("400", "401", "403", "406", "429", "503"));
            if (documented.path().contains("{")) {
                expected.add("404");
            }
            if (documented.method() != PathItem.HttpMethod.GET) {
                expected.add("409");
            }
            if (operation.getRequestBody() != null) {
                expected.add("415");
            }
            for (var code : expected) {
                var response = operation.getResponses().get(code);
                assertThat(response).as(name + " documents " + code).isNotNull();
                assertThat(response.getContent()).as(name + " " + code).containsOnlyKeys(PROBLEM_JSON);
                assertThat(response.getContent().get(PROBLEM_JSON).getSchema().get$ref())
                        .endsWith("/Problem");
            }
            assertThat(operation.getResponses().keySet())
                    .as(name + " answers with success")
                    .anyMatch(code -> code.startsWith("2"));
            var scope = documented.method() == PathItem.HttpMethod.GET ? "tokenkeeper:read" : "tokenkeeper:write";
            assertThat(operation.getExtensions()).as(name).containsEntry("x-required-scope", scope);
            assertThat(operation.getSecurity())
                    .as(name)
                    .anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"))
                    .anySatisfy(requirement -> assertThat(requirement).containsKey("basic"));
        });
        assertThat(ids)
                .contains(
                        "getMe",
                        "listOwnTokens",
                        "createToken",
                        "changeToken",
                        "revokeToken",
                        "listAllTokens",
                        "listUsers",
                        "listResourceServers",
                        "registerResourceServer",
                        "changeResourceServer",
                        "regenerateResourceServerSecret",
                        "deleteResourceServer");
    }

    @Test
    void odd_input_to_any_documented_operation_never_gets_a_5xx_html_or_an_undocumented_status() {
        int sent = 0;
        for (var documented : operations().values()) {
            // A fresh caller for each operation: fuzzing one that rotates or revokes the calling token spends only it.
            var admin = testData.anAdministrator();
            var operation = documented.operation();
            var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
            for (var odd : ODD_STRINGS) {
                for (var parameter : parameters) {
                    var request = documented.path();
                    var query = "";
                    for (var other : parameters) {
                        if ("path".equals(other.getIn())) {
                            request = request.replace(
                                    "{" + other.getName() + "}", other == parameter ? encode(odd) : "987654321");
                        }
                    }
                    if ("query".equals(parameter.getIn())) {
                        query = "?" + parameter.getName() + "=" + encode(odd);
                    }
                    check(documented, send(admin, documented, request + query, "{}"));
                    sent++;
                }
            }
            if (operation.getRequestBody() != null) {
                var path = documented.path().replaceAll("\\{[^}]+}", "987654321");
                var schema = operation
                        .getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getSchema();
                var fields = schema.get$ref() == null
                        ? schema.getProperties().keySet()
                        : document.getComponents()
                                .getSchemas()
                                .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
                                .getProperties()
                                .keySet();
                for (var field : fields) {
                    for (var odd : ODD_JSON) {
                        check(documented, send(admin, documented, path, "{\"" + field + "\":" + odd + "}"));
                        sent++;
                    }
                }
                for (var body : List.of("{", "[]", "\"x\"", "{} {}", "{\"\\u0000\":1}", "")) {
                    check(documented, send(admin, documented, path, body));
                    sent++;
                }
            }
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(api.get("/api/v1/me", testData.anAdministrator().bearer()).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(ApiTestData.Caller caller, Documented documented, String path, String body) {
        var request = api.request(path).header("Authorization", caller.bearer()).header("Accept", "application/json");
        if (documented.operation().getRequestBody() != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.method(
                documented.method().name(),
                documented.method() == PathItem.HttpMethod.GET
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void check(Documented documented, HttpResponse<String> response) {
        var what = documented.method() + " " + response.uri().getRawPath() + " → " + response.statusCode() + " "
                + response.body();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        var type = response.headers().firstValue("Content-Type").orElse("");
        assertThat(type).as(what).doesNotContain("html");
        if (response.statusCode() >= 400) {
            assertThat(type).as(what).startsWith(PROBLEM_JSON);
        }
        assertThat(documented.operation().getResponses())
                .as(what + " is documented")
                .containsKey(Integer.toString(response.statusCode()));
    }

    private Map<String, Documented> operations() {
        var operations = new java.util.LinkedHashMap<String, Documented>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) ->
                        operations.put(method + " " + path, new Documented(path, method, operation))));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
        return operations;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Documented(String path, PathItem.HttpMethod method, Operation operation) {}
}
