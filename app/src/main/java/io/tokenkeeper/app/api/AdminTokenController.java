package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators list and search everyone's tokens and disable, enable or revoke any of them. The API's chain lets
 * only administrators' tokens in ({@link ApiSecurityConfig}); {@link TokenAdministration} and {@link TokenService}
 * check again against the caller's fresh row. A search text that is a whole token value would be a token in the URL,
 * which the API refuses (400): search by the first characters ({@code tkp_Ab12}) instead.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = AdminTokenController.ADMINISTRATORS_ONLY)
class AdminTokenController {

    static final String ADMINISTRATORS_ONLY =
            "For administrators only: any other caller gets 403. Every change is in the audit log.";

    private final TokenAdministration administration;
    private final TokenService tokens;
    private final UserStore users;
    private final Clock clock;

    AdminTokenController(TokenAdministration administration, TokenService tokens, UserStore users, Clock clock) {
        this.administration = administration;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "listAllTokens",
            summary = "Everyone's tokens that are not revoked, searched and sorted, a page at a time",
            description = "q matches the start of the owner's username or the token's name (ignoring case), or the"
                    + " first characters of a token (tkp_Ab12). createdFrom (inclusive) and createdTo (exclusive)"
                    + " are ISO 8601 instants. resourceServer is a resource server's identifier (urn:tokenkeeper:api"
                    + " for Tokenkeeper's own API): only tokens that hold at least one of its scopes are listed; an"
                    + " identifier no resource server has lists none. sort: NAME, TOKEN, OWNER, CREATED, LAST_USED,"
                    + " EXPIRES or STATUS;"
                    + " direction: ASC or DESC. At most 500 per page and 10 000 per search.")
    ApiResponses.TokenPage list(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String createdFrom,
            @RequestParam(required = false) @Nullable String createdTo,
            @RequestParam(required = false) @Nullable String resourceServer,
            @RequestParam(defaultValue = "CREATED") String sort,
            @RequestParam(defaultValue = "DESC") String direction,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = AdminPaging.DEFAULT_LIMIT) int limit,
            HttpServletRequest request,
            HttpServletResponse response) {
        var page = AdminPaging.of(offset, limit);
        var search = TokenSearch.ALL
                .matching(q)
                .createdBetween(instant("createdFrom", createdFrom), instant("createdTo", createdTo))
                .atResourceServer(resourceServer)
                .sortedBy(column(sort), direction(direction));
        var actor = caller.actor();
        var now = clock.instant();
        var found = administration.search(actor, search, page.offset(), page.limit()).stream()
                .map(managed -> ApiResponses.AdminToken.of(managed, now))
                .toList();
        long count = administration.count(actor, search);
        long listed = Math.min(count, TokenAdministration.MAX_LISTED);
        PageLinks.add(request, response, page, listed);
        return new ApiResponses.TokenPage(
                found, page.offset(), page.limit(), listed, count > TokenAdministration.MAX_LISTED);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "switchAnyToken",
            summary = "Disable or enable anyone's token",
            description = "Body: {\"enabled\": false} or true.")
    ApiResponses.AdminToken change(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestBody ApiRequests.TokenSwitch request) {
        if (request.enabled() == null) {
            throw new InvalidInputException("enabled", "Send \"enabled\": true or false.");
        }
        var tokenId = tokenId(id);
        var token =
                request.enabled() ? tokens.enable(caller.actor(), tokenId) : tokens.disable(caller.actor(), tokenId);
        return ApiResponses.AdminToken.of(token, ownerName(token), clock.instant());
    }

    // No body to answer, so any Accept will do: a client that takes only problem details (as generated clients ask
    // for an operation whose success has no content) is not refused with 406.
    @DeleteMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "revokeAnyToken",
            summary = "Revoke anyone's token for good",
            description = "It stops working at once.")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        tokens.revoke(caller.actor(), tokenId(id));
        return ResponseEntity.noContent().build();
    }

    private String ownerName(Token token) {
        return users.findById(token.ownerId())
                .map(owner -> owner.username().value())
                .orElseThrow(() -> new NotFoundException(TokenController.NOT_FOUND));
    }

    private static TokenId tokenId(long id) {
        if (id <= 0) {
            throw new NotFoundException(TokenController.NOT_FOUND);
        }
        return new TokenId(id);
    }

    private static @Nullable Instant instant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Use an ISO 8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }

    private static TokenSearch.Column column(String sort) {
        var normalised = sort.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (var column : TokenSearch.Column.values()) {
            if (column.name().equals(normalised)) {
                return column;
            }
        }
        throw new InvalidInputException("sort", "Sort by NAME, TOKEN, OWNER, CREATED, LAST_USED, EXPIRES or STATUS.");
    }

    private static TokenSearch.Direction direction(String direction) {
        return switch (direction.strip().toUpperCase(Locale.ROOT)) {
            case "ASC", "ASCENDING" -> TokenSearch.Direction.ASCENDING;
            case "DESC", "DESCENDING" -> TokenSearch.Direction.DESCENDING;
            default -> throw new InvalidInputException("direction", "Use ASC or DESC.");
        };
    }
}
