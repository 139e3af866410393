package io.tokenkeeper.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.user.Privilege;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1} (served at {@code /api/openapi}, {@code springdoc.api-docs.path}; public) with
 * both ways to send a token. Descriptions are Markdown that Swagger UI renders as HTML: anything in angle brackets
 * ({@code <token>}) is written inside a code span, or it would vanish as an unknown HTML tag.
 * Swagger UI ({@code /swagger-ui/index.html}) is part of the browser UI and needs a signed-in user. One customizer
 * describes what every operation has in common, so that no controller can forget it: the problems it can answer with,
 * the scope it needs ({@code tokenkeeper:read} to read, {@code tokenkeeper:write} for everything else, as the API's
 * security chain enforces) and both ways to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI tokenkeeperOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tokenkeeper API")
                        .version("v1")
                        .description("Authenticate with a personal API token: `Authorization: Bearer <token>`, or"
                                + " HTTP Basic with your username (or `BOOMI_TOKEN.<username>`) and the token as the"
                                + " password. Never put a token in a URL."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token, tkp_…"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Username or `BOOMI_TOKEN.<username>`; the token as password")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    static final String PROBLEM = "Problem";

    /** The problems every authenticated operation may answer with; 404, 409 and 415 only where they apply. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "400",
            "The request is not valid: a field, parameter or path that the operation does not take (see field).",
            "401",
            "No token, or one that is unknown, expired, disabled or revoked.",
            "403",
            "The token lacks the scope or its owner the privilege, or the caller's address is not trusted.",
            "404",
            "There is no such thing, or it is not the caller's.",
            "406",
            "The operation cannot answer in a type the Accept header allows: send Accept: application/json.",
            "409",
            "The change conflicts with the current state: a full quota, the last administrator, a name already"
                    + " taken, tokens holding the scopes (see removeScopes), Tokenkeeper's own resource server.",
            "415",
            "The body is not JSON: send Content-Type: application/json.",
            "429",
            "Too many failed authentications from this address; see Retry-After.",
            "503",
            "The database cannot be reached; see Retry-After. Bad input never gets this.");

    private static final String RATE_LIMIT_POLICY = "On a failed authentication with a token (IETF RateLimit fields):"
            + " the policy of failed authentications, such as \"failed-auth\";q=30;w=180 — q failures per client"
            + " address within w seconds.";
    private static final String RATE_LIMIT = "On a failed authentication with a token: the failures the client"
            + " address has left, and the seconds until its allowance is whole again, such as"
            + " \"failed-auth\";r=12;t=108. r=0 on 429.";
    private static final String RETRY_AFTER_THROTTLED = "Seconds until this address may fail again.";
    private static final String RETRY_AFTER_UNAVAILABLE = "Seconds to wait before trying again.";

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    @Bean
    OpenApiCustomizer apiContract() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            boolean scopesInRequirements =
                    openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
            describeResponseFields(openApi, scopesInRequirements);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation, scopesInRequirements)));
        };
    }

    private static void describe(
            String path, PathItem.HttpMethod method, Operation operation, boolean scopesInRequirements) {
        boolean reading = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        var scope = (reading ? Scope.TOKENKEEPER_READ : Scope.TOKENKEEPER_WRITE).value();
        var responses = operation.getResponses() == null
                ? new io.swagger.v3.oas.models.responses.ApiResponses()
                : operation.getResponses();
        responses.keySet().removeIf(code -> code.startsWith("4") || code.startsWith("5"));
        var created = responses.get("201");
        if (created != null) {
            created.addHeaderObject(
                    "Location",
                    new Header()
                            .description("The URL of what was created")
                            .required(true)
                            .schema(new StringSchema().format("uri-reference")));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDocsConfig::describeParameter);
        }
        var ok = responses.get("200");
        if (ok != null && pages(operation)) {
            ok.addHeaderObject(
                    PageLinks.HEADER,
                    new Header().description(PageLinks.DESCRIPTION).schema(new StringSchema()));
        }
        var noContent = responses.get("204");
        if (noContent != null) {
            noContent.setContent(null);
        }
        var codes = new ArrayList<>(List.of("400", "401", "403", "406", "429", "503"));
        if (path.contains("{")) {
            codes.add("404");
        }
        if (!reading) {
            codes.add("409");
        }
        if (operation.getRequestBody() != null) {
            codes.add("415");
        }
        codes.stream().sorted().forEach(code -> responses.addApiResponse(code, problem(PROBLEMS.get(code))));
        for (var code : List.of("401", "429")) {
            responses
                    .get(code)
                    .addHeaderObject("RateLimit-Policy", header(RATE_LIMIT_POLICY))
                    .addHeaderObject("RateLimit", header(RATE_LIMIT));
        }
        responses
                .get("429")
                .addHeaderObject("Retry-After", header(RETRY_AFTER_THROTTLED).schema(new IntegerSchema()));
        responses
                .get("503")
                .addHeaderObject("Retry-After", header(RETRY_AFTER_UNAVAILABLE).schema(new IntegerSchema()));
        operation.setResponses(responses);
        var scopes = scopesInRequirements ? List.of(scope) : List.<String>of();
        operation.setSecurity(List.of(
                new SecurityRequirement().addList("bearer", scopes),
                new SecurityRequirement().addList("basic", scopes)));
        operation.addExtension("x-required-scope", scope);
        var description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
        operation.setDescription(description + "Needs a token with the scope " + scope + ".");
    }

    /**
     * What the server takes for each parameter, by its name (the same name means the same thing in every operation):
     * ranges, enums, formats and an example. Values outside a documented range are cut to it rather than refused
     * ({@code limit}, {@code days}); {@code sort}, {@code direction} and {@code privilege} also take lower case.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeParameter(io.swagger.v3.oas.models.parameters.Parameter parameter) {
        // A copy: springdoc may share one schema object between parameters of the same type.
        Schema original = parameter.getSchema();
        Schema schema = new Schema<>();
        if (original != null) {
            schema.specVersion(original.getSpecVersion());
            schema.type(original.getType()).format(original.getFormat());
            schema.setTypes(original.getTypes());
            if (original.getDefault() != null) {
                schema.setDefault(original.getDefault());
            }
            if (original.getEnum() != null) {
                schema.setEnum(original.getEnum());
            }
        }
        switch (parameter.getIn() + " " + parameter.getName()) {
            case "path id" -> {
                schema.minimum(BigDecimal.ONE);
                parameter.example(42);
            }
            case "path privilege" -> {
                schema.setEnum(names(Privilege.values()));
                parameter.example(Privilege.API_ACCESS.name());
            }
            case "query days" -> {
                schema.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(TokenActivity.DAYS_KEPT));
                parameter.example(7);
            }
            case "query offset" -> schema.minimum(BigDecimal.ZERO);
            case "query limit" -> {
                schema.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(AdminPaging.MAX_LIMIT));
                parameter.example(20);
            }
            case "query sort" -> schema.setEnum(names(TokenSearch.Column.values()));
            case "query direction" -> schema.setEnum(List.of("ASC", "DESC"));
            case "query createdFrom", "query createdTo" -> {
                schema.format("date-time");
                parameter.example("2026-01-01T00:00:00Z");
            }
            case "query q" -> parameter.example("alice");
            case "query resourceServer" -> {
                schema.maxLength(TokenSearch.MAX_RESOURCE_SERVER_LENGTH);
                parameter.example("https://orders.example.com");
            }
            default -> {
                // Described by its annotations.
            }
        }
        parameter.setSchema(schema);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** A list that pages by {@code offset} and {@code limit}, and so answers with {@link PageLinks}. */
    private static boolean pages(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "offset".equals(parameter.getName()));
    }

    /**
     * The answers' fields as {@link ApiResponses}, {@link ResourceServerResponses}, {@link LifecycleJson} and
     * {@link NotificationApi} declare them: a field marked {@code @Nullable} is nullable, every
     * other one is required, so that generated clients type them truthfully.
     */
    private static void describeResponseFields(OpenAPI openApi, boolean openApi31) {
        var schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        var answers = new ArrayList<Class<?>>();
        for (var holder : List.of(
                ApiResponses.class, ResourceServerResponses.class, LifecycleJson.class, NotificationApi.class)) {
            answers.addAll(List.of(holder.getDeclaredClasses()));
        }
        for (var type : answers) {
            Schema<?> schema = schemas.get(type.getSimpleName());
            if (type.getSimpleName().endsWith("Request")) {
                continue; // A body the API reads: its annotations say what it takes.
            }
            if (!type.isRecord() || schema == null || schema.getProperties() == null) {
                continue;
            }
            var required = new ArrayList<String>();
            for (var component : type.getRecordComponents()) {
                Schema<?> property = schema.getProperties().get(component.getName());
                if (property == null) {
                    continue;
                }
                if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    required.add(component.getName());
                } else if (property.get$ref() != null) {
                    // A nullable object: either the object or null.
                    schema.getProperties()
                            .put(
                                    component.getName(),
                                    openApi31
                                            ? new Schema<>()
                                                    .anyOf(List.of(
                                                            new Schema<>().$ref(property.get$ref()),
                                                            new Schema<>().types(Set.of("null"))))
                                            : new Schema<>()
                                                    .nullable(true)
                                                    .allOf(List.of(new Schema<>().$ref(property.get$ref()))));
                } else if (openApi31) {
                    var types = new LinkedHashSet<String>();
                    if (property.getTypes() != null) {
                        types.addAll(property.getTypes());
                    } else if (property.getType() != null) {
                        types.add(property.getType());
                    }
                    if (!types.isEmpty()) {
                        types.add("null");
                        property.setTypes(types);
                    }
                } else {
                    property.setNullable(true);
                }
            }
            schema.setRequired(required);
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new io.swagger.v3.oas.models.media.MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** RFC 9457 problem details, as every error of the API is written; {@code field} names the offending input. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("Problem details (RFC 9457)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The field \"name\" has the wrong type."))
                .addProperty("instance", new StringSchema().example("/api/v1/tokens"))
                .addProperty("field", new StringSchema().example("name"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
