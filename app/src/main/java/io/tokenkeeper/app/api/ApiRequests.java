package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tokenkeeper.domain.token.TokenRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The JSON bodies the API accepts, read strictly ({@link StrictJson}) by their own deserializers, so that the
 * controllers and the OpenAPI document still see the records. Absent fields are {@code null}; the domain checks every
 * value.
 */
final class ApiRequests {

    private ApiRequests() {}

    /** Reads a body as a tree and hands it to the record's strict reader. */
    abstract static class Reader<T> extends ValueDeserializer<T> {

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            return read(context.readTree(parser));
        }

        abstract T read(JsonNode body);
    }

    /**
     * {@code POST /api/v1/tokens}: absent {@code scopes} means the policy's default scopes, absent or empty
     * {@code allowedAddresses} means usable from anywhere.
     */
    @JsonDeserialize(using = NewToken.Strict.class)
    record NewToken(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 100, example = "CI deploy")
            @Nullable
            String name,

            @Schema(format = "date-time", nullable = true, example = "2027-01-31T00:00:00Z") @Nullable
            Instant expiresAt,

            @Schema(nullable = true, example = "[\"tokenkeeper:read\"]") @Nullable
            List<String> scopes,

            @Schema(
                    nullable = true,
                    description =
                            "IP addresses or CIDR ranges the token may be used from; absent or empty:" + " anywhere",
                    example = "[\"203.0.113.0/24\", \"2001:db8::/32\"]")
            @Nullable
            List<String> allowedAddresses) {

        static NewToken of(@Nullable JsonNode body) {
            var json = StrictJson.object(body, "name", "expiresAt", "scopes", "allowedAddresses");
            return new NewToken(
                    json.string("name"),
                    json.instant("expiresAt"),
                    json.strings("scopes"),
                    json.strings("allowedAddresses"));
        }

        /** The domain's request, which checks every value. */
        TokenRequest toRequest() {
            return new TokenRequest(name, expiresAt, scopes, allowedAddresses == null ? List.of() : allowedAddresses);
        }

        static final class Strict extends Reader<NewToken> {
            @Override
            NewToken read(JsonNode body) {
                return of(body);
            }
        }
    }

    /** {@code PATCH /api/v1/tokens/{id}}: a new name, the switch, or both. */
    @JsonDeserialize(using = TokenChange.Strict.class)
    record TokenChange(
            @Schema(minLength = 1, maxLength = 100, example = "CI") @Nullable
            String name,

            @Schema(description = "false disables the token, true enables it again", example = "false") @Nullable
            Boolean enabled) {

        static TokenChange of(@Nullable JsonNode body) {
            var json = StrictJson.object(body, "name", "enabled");
            return new TokenChange(json.string("name"), json.bool("enabled"));
        }

        static final class Strict extends Reader<TokenChange> {
            @Override
            TokenChange read(JsonNode body) {
                return of(body);
            }
        }
    }

    /** {@code PATCH /api/v1/admin/tokens/{id}}: switch anyone's token on or off. */
    @JsonDeserialize(using = TokenSwitch.Strict.class)
    record TokenSwitch(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "false disables the token, true enables it again",
                    example = "false")
            @Nullable
            Boolean enabled) {

        static TokenSwitch of(@Nullable JsonNode body) {
            return new TokenSwitch(StrictJson.object(body, "enabled").bool("enabled"));
        }

        static final class Strict extends Reader<TokenSwitch> {
            @Override
            TokenSwitch read(JsonNode body) {
                return of(body);
            }
        }
    }
}
