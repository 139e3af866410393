package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.resourceserver.RegisteredResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code /api/v1/admin/resource-servers}: never a client secret, except in the one answer that made it. */
final class ResourceServerResponses {

    private ResourceServerResponses() {}

    record ScopeJson(String name, String description) {

        static ScopeJson of(ScopeDefinition definition) {
            return new ScopeJson(definition.scope().value(), definition.description());
        }
    }

    /**
     * A resource server as administrators see it.
     *
     * @param clientId the public half of its credential; {@code null} for Tokenkeeper's own API
     * @param secretHint {@code tkc_} and four characters of the current secret, to tell secrets apart
     * @param builtIn Tokenkeeper's own API: read-only, never deleted
     */
    record ResourceServerJson(
            long id,
            String name,
            String identifier,
            String description,
            List<ScopeJson> scopes,
            @Nullable String clientId,
            @Nullable String secretHint,
            boolean enabled,
            boolean builtIn,
            Instant createdAt,
            Instant updatedAt) {

        static ResourceServerJson of(ResourceServer server) {
            return new ResourceServerJson(
                    server.id().value(),
                    server.name(),
                    server.identifier().value(),
                    server.description(),
                    server.scopes().stream().map(ScopeJson::of).toList(),
                    server.clientId() == null ? null : server.clientId().value(),
                    server.secretHint(),
                    server.enabled(),
                    server.builtIn(),
                    server.createdAt(),
                    server.updatedAt());
        }
    }

    /** {@code GET /api/v1/admin/resource-servers}: all of them, Tokenkeeper's own first. */
    record ResourceServerList(List<ResourceServerJson> resourceServers) {}

    /**
     * A registration or a new secret: the one answer that carries {@code clientSecret}. Only its digest is kept, so it
     * cannot be shown again.
     */
    record ResourceServerWithSecret(
            long id,
            String name,
            String identifier,
            String description,
            List<ScopeJson> scopes,
            String clientId,
            String secretHint,
            boolean enabled,
            boolean builtIn,
            Instant createdAt,
            Instant updatedAt,
            String clientSecret) {

        static ResourceServerWithSecret of(RegisteredResourceServer registered) {
            var server = ResourceServerJson.of(registered.server());
            var secret = registered.secret();
            return new ResourceServerWithSecret(
                    server.id(),
                    server.name(),
                    server.identifier(),
                    server.description(),
                    server.scopes(),
                    Objects.requireNonNull(registered.server().clientId(), "clientId")
                            .value(),
                    secret.hint(),
                    server.enabled(),
                    server.builtIn(),
                    server.createdAt(),
                    server.updatedAt(),
                    secret.reveal());
        }

        @Override
        public String toString() {
            return "ResourceServerWithSecret[id=" + id + ", clientId=" + clientId + ", secretHint=" + secretHint + "]";
        }
    }
}
