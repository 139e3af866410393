package io.tokenkeeper.app.api;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document as a check on every answer the HTTP tests receive ({@link ApiClient} asks it), so that
 * the document cannot drift from the server: for a request to a documented operation, the status must be one the
 * operation lists, the media type one it lists for that status, the body valid for its schema (JSON Schema 2020-12,
 * as OpenAPI 3.1 has it), an answer without content empty, and every header it requires present and well-typed. Every
 * documented object is taken as closed, so that a field the document does not name fails too. Requests the document
 * has no operation for (a wrong method, a path outside {@code /api/v1}) are left to the tests that send them.
 */
final class OpenApiContract {

    private static final String BASE = "https://tokenkeeper.invalid/api/openapi";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, OpenApiContract> SERVED = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    OpenApiContract(String served) {
        this.document = JSON.readTree(served);
        var closed = closed(document.deepCopy());
        var text = JSON.writeValueAsString(closed);
        this.schemas = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, registry -> registry.schemas(Map.of(BASE, text)));
    }

    /** The document that the server on {@code port} serves, read once. */
    static OpenApiContract servedOn(int port) {
        return SERVED.computeIfAbsent(port, OpenApiContract::load);
    }

    private static OpenApiContract load(int port) {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi"))
                            // Generated on the first request: slow on a busy machine.
                            .timeout(Duration.ofMinutes(1))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The OpenAPI document answered " + response.statusCode());
            }
            return new OpenApiContract(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails with every way in which {@code response} breaks the document. */
    void check(HttpResponse<String> response) {
        var request = response.request();
        var violations = violations(
                request.method(),
                response.uri().getRawPath(),
                response.statusCode(),
                response.headers(),
                response.body());
        if (!violations.isEmpty()) {
            throw new AssertionError(request.method() + " " + response.uri().getRawPath() + " answered "
                    + response.statusCode() + ", which the OpenAPI document does not allow:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** What is wrong with an answer; nothing for a request that no documented operation takes. */
    List<String> violations(String method, String rawPath, int status, HttpHeaders headers, @Nullable String body) {
        var operation = operation(method, rawPath);
        if (operation == null) {
            return List.of();
        }
        var responses = operation.node().path("responses");
        var code = Integer.toString(status);
        var pointer = operation.pointer() + "/responses/" + code;
        var documented = responses.get(code);
        if (documented == null) {
            documented = responses.get("default");
            pointer = operation.pointer() + "/responses/default";
        }
        if (documented == null) {
            return List.of("status " + code + " is not documented; documented: " + responses.propertyNames());
        }
        var violations = new ArrayList<String>();
        checkHeaders(documented.path("headers"), headers, violations);
        var content = documented.path("content");
        var text = body == null ? "" : body;
        if (content.isEmpty()) {
            if (!text.isEmpty()) {
                violations.add("a body where the document has no content");
            }
            return violations;
        }
        var type = headers.firstValue("Content-Type").orElse("");
        var mediaType = mediaType(content, type);
        if (mediaType == null) {
            violations.add("Content-Type " + type + " is not documented; documented: " + content.propertyNames());
            return violations;
        }
        if (!mediaType.contains("json") || !content.path(mediaType).has("schema")) {
            return violations;
        }
        var schema = compiled.computeIfAbsent(
                pointer + "/content/" + escape(mediaType) + "/schema",
                location -> schemas.getSchema(SchemaLocation.of(BASE + "#" + location)));
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (RuntimeException notJson) {
            violations.add("the body is not JSON");
            return violations;
        }
        for (var error : schema.validate(json)) {
            violations.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return violations;
    }

    private void checkHeaders(JsonNode documented, HttpHeaders headers, List<String> violations) {
        for (var entry : documented.properties()) {
            var header = resolve(entry.getValue());
            var value = headers.firstValue(entry.getKey());
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    violations.add("the required header " + entry.getKey() + " is missing");
                }
                continue;
            }
            var type = header.path("schema").path("type").asString("");
            if (type.equals("integer")) {
                try {
                    long number = Long.parseLong(value.get());
                    var minimum = header.path("schema").path("minimum");
                    if (minimum.isNumber() && number < minimum.asLong()) {
                        violations.add("header " + entry.getKey() + " is below its minimum: " + number);
                    }
                } catch (NumberFormatException e) {
                    violations.add("header " + entry.getKey() + " is not an integer: " + value.get());
                }
            }
        }
    }

    /**
     * The operation that Spring would route {@code method} and {@code rawPath} to: among the documented paths whose
     * template matches, the one with the most literal segments that has the method.
     */
    private @Nullable Operation operation(String method, String rawPath) {
        var segments = rawPath.split("/", -1);
        Operation best = null;
        int bestLiterals = -1;
        for (var path : document.path("paths").properties()) {
            var template = path.getKey().split("/", -1);
            var node = path.getValue().get(method.toLowerCase(Locale.ROOT));
            if (node == null || template.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = template[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = new Operation("/paths/" + escape(path.getKey()) + "/" + method.toLowerCase(Locale.ROOT), node);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref").asString("");
        return ref.startsWith("#") ? document.at(ref.substring(1)) : node;
    }

    /** The documented media type that {@code contentType} is, ignoring parameters and case. */
    private static @Nullable String mediaType(JsonNode content, String contentType) {
        var answered = base(contentType);
        for (var documented : content.propertyNames()) {
            if (base(documented).equals(answered)) {
                return documented;
            }
        }
        return null;
    }

    private static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A JSON pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Every object schema that names its properties and says nothing of others takes no others. */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && object.path("properties").isObject()
                    && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
        }
        for (var child : node) {
            closed(child);
        }
        return node;
    }

    private record Operation(String pointer, JsonNode node) {}
}
