package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.resourceserver.ResourceServerId;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators register the APIs that accept Tokenkeeper tokens, change them, switch them, give them a new client
 * secret and delete them. The API's chain lets only administrators' tokens in ({@link ApiSecurityConfig});
 * {@link ResourceServerAdministration} checks again, keeps the rules and audits every change. A client secret is in
 * the answer that made it and nowhere else; Tokenkeeper's own API is built in and read-only (409).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/resource-servers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = AdminTokenController.ADMINISTRATORS_ONLY)
class AdminResourceServerController {

    static final String NO_SUCH_SERVER = "This resource server does not exist.";
    private static final String REMOVE_SCOPES =
            "When tokens hold scopes it would remove, the answer is 409 unless removeScopes=true, which takes those"
                    + " scopes from the tokens.";

    private final ResourceServerAdministration administration;
    private final ResourceServerStore store;
    private final Transactions transactions;

    AdminResourceServerController(
            ResourceServerAdministration administration, ResourceServerStore store, Transactions transactions) {
        this.administration = administration;
        this.store = store;
        this.transactions = transactions;
    }

    @GetMapping
    @Operation(
            operationId = "listResourceServers",
            summary = "Every resource server with its scopes, Tokenkeeper's own first",
            description = "Never a client secret: only its hint.")
    ResourceServerResponses.ResourceServerList list(@AuthenticationPrincipal ApiCaller caller) {
        return new ResourceServerResponses.ResourceServerList(administration.list(caller.actor()).stream()
                .map(ResourceServerResponses.ResourceServerJson::of)
                .toList());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getResourceServer", summary = "One resource server with its scopes")
    ResourceServerResponses.ResourceServerJson find(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        return ResourceServerResponses.ResourceServerJson.of(administration.find(caller.actor(), serverId(id)));
    }

    /** The secret is in this response only; {@code no-store} keeps it out of every cache on the way. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "registerResourceServer",
            summary = "Register a resource server; its client secret is in this response only",
            description = "Body: name, identifier (an absolute URI, unique), description and scopes, each"
                    + " {\"name\": \"orders:read\", \"description\": \"Read orders\"}. The answer carries the client"
                    + " id and secret the server authenticates with at /oauth2/introspect; the Location header names"
                    + " it.")
    ResponseEntity<ResourceServerResponses.ResourceServerWithSecret> register(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestBody ResourceServerRequests.ResourceServerRegistration request) {
        var registered = administration.register(
                caller.actor(),
                request.name(),
                request.identifier(),
                request.description(),
                request.scopeDefinitions());
        return ResponseEntity.created(URI.create("/api/v1/admin/resource-servers/"
                        + registered.server().id().value()))
                .cacheControl(CacheControl.noStore())
                .body(ResourceServerResponses.ResourceServerWithSecret.of(registered));
    }

    /** Changes the fields sent and switches in one transaction: all happen or none does. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeResourceServer",
            summary = "Change a resource server's name, identifier, description or scopes, or switch it on or off",
            description = "Send only the fields to change; scopes replaces the whole list. {\"enabled\": false}"
                    + " disables it: its credential and its scopes stop working at once. " + REMOVE_SCOPES)
    ResourceServerResponses.ResourceServerJson change(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody ResourceServerRequests.ResourceServerChange request,
            @Parameter(description = "Take removed scopes from the tokens that hold them")
                    @RequestParam(defaultValue = "false")
                    boolean removeScopes) {
        if (request.isEmpty()) {
            throw new InvalidInputException(
                    "body", "Send at least one of name, identifier, description, scopes and enabled.");
        }
        var actor = caller.actor();
        var serverId = serverId(id);
        var before = administration.find(actor, serverId);
        if (before.builtIn()) {
            // Before the domain checks the fields, which would refuse Tokenkeeper's own identifier with a 400.
            throw new ConflictException(ResourceServerAdministration.BUILT_IN_READ_ONLY);
        }
        try {
            var changed = transactions.inTransaction(() -> {
                var server = before;
                if (request.changesDefinition()) {
                    server = administration.change(
                            actor,
                            serverId,
                            Objects.requireNonNullElse(request.name(), before.name()),
                            Objects.requireNonNullElse(
                                    request.identifier(), before.identifier().value()),
                            Objects.requireNonNullElse(request.description(), before.description()),
                            scopes(request, before),
                            removeScopes);
                }
                if (request.enabled() != null) {
                    server = administration.setEnabled(actor, serverId, request.enabled());
                }
                return server;
            });
            return ResourceServerResponses.ResourceServerJson.of(changed);
        } catch (ConflictException e) {
            if (removeScopes || request.scopes() == null) {
                throw e;
            }
            var removed = new ArrayList<>(before.scopeNames());
            removed.removeAll(
                    scopes(request, before).stream().map(ScopeDefinition::scope).toList());
            throw scopesHeld(
                    e, removed, "Send the change again with ?removeScopes=true to take them from those tokens.");
        }
    }

    @PostMapping("/{id}/secret")
    @Operation(
            operationId = "regenerateResourceServerSecret",
            summary = "Give a resource server a new client secret; it is in this response only",
            description = "The previous secret stops working at once.")
    ResponseEntity<ResourceServerResponses.ResourceServerWithSecret> regenerateSecret(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        var registered = administration.regenerateSecret(caller.actor(), serverId(id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ResourceServerResponses.ResourceServerWithSecret.of(registered));
    }

    // No body to answer, so any Accept will do, as for revoking a token: a generated client asks for problem details
    // only when an operation's success has no content.
    @DeleteMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteResourceServer",
            summary = "Delete a resource server",
            description = "Its credential stops working at once. When tokens hold its scopes the answer is 409"
                    + " (saying how many) unless removeScopes=true, which takes its scopes from them. Tokenkeeper's"
                    + " own API cannot be deleted (409).")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @Parameter(description = "Delete it even when tokens hold its scopes, and take the scopes from them")
                    @RequestParam(defaultValue = "false")
                    boolean removeScopes) {
        var actor = caller.actor();
        var serverId = serverId(id);
        try {
            administration.delete(actor, serverId, removeScopes);
        } catch (ConflictException e) {
            var server = removeScopes ? null : store.find(serverId).orElse(null);
            if (server == null || server.builtIn()) {
                throw e;
            }
            throw scopesHeld(
                    e,
                    server.scopeNames(),
                    "Send the delete again with ?removeScopes=true to delete it and take its scopes from them.");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The domain's refusal while tokens hold scopes, said the API's way: how many tokens, and the parameter that
     * confirms. Any other conflict (a name or identifier already taken) goes on as it is.
     */
    private ErrorResponseException scopesHeld(ConflictException refusal, List<Scope> scopes, String howToConfirm) {
        int holders = scopes.isEmpty() ? 0 : store.countActiveTokensHolding(scopes);
        if (holders == 0) {
            throw refusal;
        }
        var held = String.join(", ", scopes.stream().map(Scope::value).toList());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                (holders == 1 ? "1 token holds " : holders + " tokens hold ") + "scopes of this resource server ("
                        + held + "). " + howToConfirm);
        problem.setProperty("tokens", holders);
        problem.setProperty("parameter", "removeScopes");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, refusal);
    }

    private static List<ScopeDefinition> scopes(
            ResourceServerRequests.ResourceServerChange request, ResourceServer before) {
        return request.scopes() == null
                ? before.scopes()
                : ResourceServerRequests.ScopeField.definitions(request.scopes());
    }

    private static ResourceServerId serverId(long id) {
        if (id <= 0) {
            throw new NotFoundException(NO_SUCH_SERVER);
        }
        return new ResourceServerId(id);
    }
}
