package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A token's lifecycle through the API: one token read, regenerated with an overlap, given a new expiry, or its
 * activity shown. Under
 * {@code /api/v1/tokens} the caller's own tokens only; {@code self} is the token that authenticated the request, so
 * that a pipeline can renew its own secret without a more powerful token; {@code /api/v1/admin/tokens} reaches anyone's.
 * {@link TokenLifecycle} and {@link TokenService} decide.
 */
@RestController
@Tag(name = "Token lifecycle")
class TokenLifecycleApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final TokenService tokens;
    private final TokenLifecycle lifecycle;
    private final ActivityService activity;
    private final CanaryTokens canaries;
    private final Clock clock;

    TokenLifecycleApi(
            TokenService tokens,
            TokenLifecycle lifecycle,
            ActivityService activity,
            CanaryTokens canaries,
            Clock clock) {
        this.canaries = canaries;
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.activity = activity;
        this.clock = clock;
    }

    /** What the calling token is. */
    @GetMapping(path = "/api/v1/tokens/self", produces = JSON)
    @Operation(operationId = "getCallingToken", summary = "The token that authenticated this request")
    LifecycleJson.TokenDetails self(@AuthenticationPrincipal ApiCaller caller) {
        return details(caller.actor(), own(caller, caller.token().id().value()));
    }

    /** The calling token revokes itself. */
    @DeleteMapping("/api/v1/tokens/self")
    @Operation(operationId = "revokeCallingToken", summary = "The calling token revokes itself")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revokeSelf(@AuthenticationPrincipal ApiCaller caller) {
        tokens.revoke(caller.actor(), caller.token().id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/tokens/self/rotate", produces = JSON)
    @Operation(
            operationId = "rotateCallingToken",
            summary = "Regenerate the calling token; the new value is in this response only")
    ResponseEntity<LifecycleJson.Regenerated> rotateSelf(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestBody(required = false) LifecycleJson.@Nullable RotateRequest request) {
        return rotate(caller.actor(), caller.token().id(), request);
    }

    @PostMapping(path = "/api/v1/tokens/self/extend", consumes = JSON, produces = JSON)
    @Operation(operationId = "extendCallingToken", summary = "Extend the calling token within the policy")
    LifecycleJson.TokenDetails extendSelf(
            @AuthenticationPrincipal ApiCaller caller, @RequestBody LifecycleJson.ExtendRequest request) {
        return extend(caller.actor(), caller.token().id(), request);
    }

    /** What the calling token did in the last {@code days} days (at most 90), with its audit history. */
    @GetMapping(path = "/api/v1/tokens/self/activity", produces = JSON)
    @Operation(
            operationId = "getCallingTokenActivity",
            summary = "What the calling token did in the last days, with its audit history")
    LifecycleJson.Activity selfActivity(
            @AuthenticationPrincipal ApiCaller caller, @RequestParam(defaultValue = "30") int days) {
        return LifecycleJson.Activity.of(
                activity.activity(caller.actor(), caller.token().id(), days));
    }

    @GetMapping(path = "/api/v1/tokens/{id}/activity", produces = JSON)
    @Operation(operationId = "getTokenActivity", summary = "What one of your tokens did in the last days")
    LifecycleJson.Activity ownActivity(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestParam(defaultValue = "30") int days) {
        return LifecycleJson.Activity.of(
                activity.activity(caller.actor(), own(caller, id).id(), days));
    }

    @GetMapping(path = "/api/v1/admin/tokens/{id}/activity", produces = JSON)
    @Operation(
            operationId = "getAnyTokenActivity",
            summary = "What anyone's token did in the last days (administrators)")
    LifecycleJson.Activity anyActivity(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestParam(defaultValue = "30") int days) {
        return LifecycleJson.Activity.of(activity.activity(caller.actor(), anyToken(id), days));
    }

    /**
     * Creates a canary token: it never authenticates, and any use alerts the caller and every administrator. The
     * value is in this response only.
     */
    @PostMapping(path = "/api/v1/tokens/canaries", consumes = JSON, produces = JSON)
    @Operation(operationId = "createCanary", summary = "Create a canary token; its value is in this response only")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<LifecycleJson.Regenerated> createCanary(
            @AuthenticationPrincipal ApiCaller caller, @RequestBody LifecycleJson.CanaryRequest request) {
        var generated = canaries.create(caller.actor(), request.name());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + generated.token().id().value()))
                .cacheControl(CacheControl.noStore())
                .body(LifecycleJson.Regenerated.of(generated, null));
    }

    /** One of the caller's tokens: where the {@code Location} of a created token leads. */
    @GetMapping(path = "/api/v1/tokens/{id}", produces = JSON)
    @Operation(operationId = "getToken", summary = "One of your tokens")
    LifecycleJson.TokenDetails one(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        return details(caller.actor(), own(caller, id));
    }

    @PostMapping(path = "/api/v1/tokens/{id}/rotate", produces = JSON)
    @Operation(
            operationId = "rotateToken",
            summary = "Regenerate one of your tokens; the new value is in this response only")
    ResponseEntity<LifecycleJson.Regenerated> rotateOwn(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody(required = false) LifecycleJson.@Nullable RotateRequest request) {
        return rotate(caller.actor(), own(caller, id).id(), request);
    }

    @PostMapping(path = "/api/v1/tokens/{id}/extend", consumes = JSON, produces = JSON)
    @Operation(operationId = "extendToken", summary = "Extend one of your tokens within the policy")
    LifecycleJson.TokenDetails extendOwn(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody LifecycleJson.ExtendRequest request) {
        return extend(caller.actor(), own(caller, id).id(), request);
    }

    /** An administrator regenerates anyone's token. */
    @PostMapping(path = "/api/v1/admin/tokens/{id}/rotate", produces = JSON)
    @Operation(operationId = "rotateAnyToken", summary = "Regenerate anyone's token (administrators)")
    ResponseEntity<LifecycleJson.Regenerated> rotateAny(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody(required = false) LifecycleJson.@Nullable RotateRequest request) {
        return rotate(caller.actor(), anyToken(id), request);
    }

    @PostMapping(path = "/api/v1/admin/tokens/{id}/extend", consumes = JSON, produces = JSON)
    @Operation(operationId = "extendAnyToken", summary = "Extend anyone's token within the policy (administrators)")
    LifecycleJson.TokenDetails extendAny(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody LifecycleJson.ExtendRequest request) {
        return extend(caller.actor(), anyToken(id), request);
    }

    /** The value is in this response only; {@code no-store} keeps it out of every cache on the way. */
    private ResponseEntity<LifecycleJson.Regenerated> rotate(
            Actor actor, TokenId id, LifecycleJson.@Nullable RotateRequest request) {
        var choice = request == null ? new LifecycleJson.RotateRequest(null, null) : request;
        var generated = lifecycle.regenerate(actor, id, choice.overlapOrDefault(), choice.expiryOrDefault());
        var rotation = lifecycle.ongoingRotation(actor, id).orElse(null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(LifecycleJson.Regenerated.of(generated, rotation));
    }

    private LifecycleJson.TokenDetails extend(Actor actor, TokenId id, LifecycleJson.ExtendRequest request) {
        var changed = lifecycle.changeExpiry(actor, id, request.expiresAt());
        return details(actor, changed);
    }

    private LifecycleJson.TokenDetails details(Actor actor, Token token) {
        var rotation = lifecycle.ongoingRotation(actor, token.id()).orElse(null);
        return LifecycleJson.TokenDetails.of(token, rotation, clock.instant());
    }

    /** One of the caller's active tokens; any other id, including another user's token, answers 404. */
    private Token own(ApiCaller caller, long id) {
        return tokens.listOwn(caller.actor()).stream()
                .filter(token -> token.id().value() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(TokenController.NOT_FOUND));
    }

    /** Anyone's token by id, for administrators; an id no token can have (0 or less) is a 404 like an unknown one. */
    private static TokenId anyToken(long id) {
        if (id <= 0) {
            throw new NotFoundException(TokenController.NOT_FOUND);
        }
        return new TokenId(id);
    }
}
