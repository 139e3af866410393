package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenService;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own tokens, with the same rules and quota as the API Tokens page: {@link TokenService} decides. Here
 * another user's token does not exist, even for an administrator (the administration API is separate).
 */
@RestController
@Tag(name = "Tokens", description = "Your own personal API tokens.")
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
class TokenController {

    static final String NOT_FOUND = "This token does not exist.";

    private final TokenService tokens;
    private final Transactions transactions;
    private final Clock clock;

    TokenController(TokenService tokens, Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listOwnTokens", summary = "Your tokens that are not revoked, and your quota")
    ApiResponses.TokenList list(@AuthenticationPrincipal ApiCaller caller) {
        var now = clock.instant();
        var actor = caller.actor();
        var list = tokens.listOwn(actor).stream()
                .map(token -> ApiResponses.TokenJson.of(token, now))
                .toList();
        return new ApiResponses.TokenList(list, ApiResponses.Quota.of(tokens.quota(actor)));
    }

    /** The value is in this response only; {@code no-store} keeps it out of every cache on the way. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createToken",
            summary = "Create a token; its value is in this response only",
            description = "Counts against your quota (409 when it is full). scopes defaults to the policy's default"
                    + " scopes; allowedAddresses (IP addresses or CIDR ranges) defaults to anywhere. The Location"
                    + " header names the new token.")
    ResponseEntity<ApiResponses.CreatedToken> create(
            @AuthenticationPrincipal ApiCaller caller, @RequestBody ApiRequests.NewToken request) {
        var generated = tokens.generate(caller.actor(), request.toRequest());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + generated.token().id().value()))
                .cacheControl(CacheControl.noStore())
                .body(ApiResponses.CreatedToken.of(generated, clock.instant()));
    }

    /** Renames and switches in one transaction: both happen or neither does. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "changeToken",
            summary = "Rename one of your tokens, switch it on or off, or both",
            description = "Body: {\"name\": \"New name\"}, {\"enabled\": false}, or both fields.")
    ApiResponses.TokenJson change(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody ApiRequests.TokenChange request) {
        if (request.name() == null && request.enabled() == null) {
            throw new InvalidInputException("name", "Send a new name, \"enabled\", or both.");
        }
        var actor = caller.actor();
        var changed = transactions.inTransaction(() -> {
            var token = own(caller, id);
            if (request.name() != null) {
                token = tokens.rename(actor, token.id(), request.name());
            }
            if (request.enabled() != null) {
                token = request.enabled() ? tokens.enable(actor, token.id()) : tokens.disable(actor, token.id());
            }
            return token;
        });
        return ApiResponses.TokenJson.of(changed, clock.instant());
    }

    /** Revokes for good: the token stops working at once and leaves the list. */
    // No body to answer, so any Accept will do: a client that takes only problem details (as generated clients ask
    // for an operation whose success has no content) is not refused with 406.
    @DeleteMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke one of your tokens for good")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        tokens.revoke(caller.actor(), own(caller, id).id());
        return ResponseEntity.noContent().build();
    }

    /** One of the caller's active tokens; any other id, including another user's token, answers 404. */
    private Token own(ApiCaller caller, long id) {
        return tokens.listOwn(caller.actor()).stream()
                .filter(token -> token.id().value() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
