package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The bodies {@code /api/v1/admin/resource-servers} accepts, read strictly ({@link StrictJson}). Absent fields are
 * {@code null}; {@link io.tokenkeeper.domain.resourceserver.ResourceServerAdministration} checks every value.
 */
final class ResourceServerRequests {

    private ResourceServerRequests() {}

    /** An example of the scopes a body lists, for the OpenAPI document. */
    static final String SCOPES_EXAMPLE = "[{\"name\": \"orders:read\", \"description\": \"Read orders\"}]";

    /** A scope as a resource server defines it: {@code orders:read} and the one line people read when choosing it. */
    record ScopeField(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "orders:read") @Nullable
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Read orders") @Nullable
            String description) {

        static @Nullable List<ScopeField> of(StrictJson body) {
            var elements = body.objects("scopes", "name", "description");
            return elements == null
                    ? null
                    : elements.stream()
                            .map(element -> new ScopeField(element.string("name"), element.string("description")))
                            .toList();
        }

        ScopeDefinition toDefinition() {
            if (name == null) {
                throw new InvalidInputException("scopes", "Give every scope a name, such as orders:read.");
            }
            return ScopeDefinition.of(name, Objects.requireNonNullElse(description, ""));
        }

        static List<ScopeDefinition> definitions(List<ScopeField> scopes) {
            return scopes.stream().map(ScopeField::toDefinition).toList();
        }
    }

    /** {@code POST /api/v1/admin/resource-servers}: everything but the credential, which Tokenkeeper generates. */
    @JsonDeserialize(using = ResourceServerRegistration.Strict.class)
    record ResourceServerRegistration(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = ResourceServer.MAX_NAME_LENGTH,
                    example = "Orders")
            @Nullable
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 200,
                    example = "https://orders.example.com")
            @Nullable
            String identifier,

            @Schema(maxLength = ResourceServer.MAX_DESCRIPTION_LENGTH, nullable = true, example = "The orders API")
            @Nullable
            String description,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = SCOPES_EXAMPLE) @Nullable
            List<ScopeField> scopes) {

        static ResourceServerRegistration of(@Nullable JsonNode body) {
            var json = StrictJson.object(body, "name", "identifier", "description", "scopes");
            return new ResourceServerRegistration(
                    json.string("name"), json.string("identifier"), json.string("description"), ScopeField.of(json));
        }

        List<ScopeDefinition> scopeDefinitions() {
            return scopes == null ? List.of() : ScopeField.definitions(scopes);
        }

        static final class Strict extends ApiRequests.Reader<ResourceServerRegistration> {
            @Override
            ResourceServerRegistration read(JsonNode body) {
                return of(body);
            }
        }
    }

    /**
     * {@code PATCH /api/v1/admin/resource-servers/{id}}: the fields to change, each optional; {@code scopes} replaces
     * the whole list; {@code enabled} switches the server on or off, as the token endpoints do.
     */
    @JsonDeserialize(using = ResourceServerChange.Strict.class)
    record ResourceServerChange(
            @Schema(maxLength = ResourceServer.MAX_NAME_LENGTH, nullable = true, example = "Orders") @Nullable
            String name,

            @Schema(maxLength = 200, nullable = true, example = "https://orders.example.com") @Nullable
            String identifier,

            @Schema(maxLength = ResourceServer.MAX_DESCRIPTION_LENGTH, nullable = true, example = "The orders API")
            @Nullable
            String description,

            @Schema(nullable = true, example = SCOPES_EXAMPLE) @Nullable
            List<ScopeField> scopes,

            @Schema(nullable = true, example = "false") @Nullable
            Boolean enabled) {

        static ResourceServerChange of(@Nullable JsonNode body) {
            var json = StrictJson.object(body, "name", "identifier", "description", "scopes", "enabled");
            return new ResourceServerChange(
                    json.string("name"),
                    json.string("identifier"),
                    json.string("description"),
                    ScopeField.of(json),
                    json.bool("enabled"));
        }

        /** Whether anything but the switch changes. */
        boolean changesDefinition() {
            return name != null || identifier != null || description != null || scopes != null;
        }

        boolean isEmpty() {
            return !changesDefinition() && enabled == null;
        }

        static final class Strict extends ApiRequests.Reader<ResourceServerChange> {
            @Override
            ResourceServerChange read(JsonNode body) {
                return of(body);
            }
        }
    }
}
