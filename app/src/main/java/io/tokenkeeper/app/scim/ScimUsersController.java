package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.account.ProvisionedAccounts;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.identity.LinkedAccount;
import io.tokenkeeper.domain.provisioning.ProvisioningToken;
import io.tokenkeeper.domain.user.UserId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /scim/v2/Users}: the accounts the identity provider owns, listed (with a {@code userName}, {@code externalId}
 * or {@code id} filter), read, created, replaced, patched and deleted. Deactivating or deleting stops the account's API
 * tokens at once; every change is audited in the provisioning token's name.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    static final int DEFAULT_COUNT = 100;

    private final ProvisionedAccounts accounts;

    ScimUsersController(ProvisionedAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> list(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "" + DEFAULT_COUNT) int count) {
        var wanted = ScimFilter.parse(filter);
        int start = Math.max(1, startIndex);
        int size = Math.clamp(count, 0, ProvisionedAccounts.MAX_PAGE_SIZE);
        List<LinkedAccount> page;
        long total;
        if (wanted.id() != null) {
            page = findById(wanted.id()).map(List::of).orElse(List.of());
            total = page.size();
            page = start == 1 && size > 0 ? page : List.of();
        } else {
            total = accounts.count(wanted.userName(), wanted.externalId());
            page = size == 0 ? List.of() : accounts.search(wanted.userName(), wanted.externalId(), start - 1, size);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(ScimUsers.LIST_SCHEMA));
        body.put("totalResults", total);
        body.put("startIndex", start);
        body.put("itemsPerPage", page.size());
        body.put(
                "Resources",
                page.stream()
                        .map(account -> ScimUsers.resource(account, location(account)))
                        .toList());
        return ok(body);
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        return ok(resource(accounts.find(userId(id))));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal ProvisioningToken token, HttpServletRequest request) {
        var created = accounts.create(provisioner(token, request), ScimUsers.profile(body, true));
        var location = location(created);
        return ResponseEntity.created(URI.create(location))
                .contentType(ScimErrors.SCIM_JSON)
                .body(ScimUsers.resource(created, location));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> replace(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal ProvisioningToken token,
            HttpServletRequest request) {
        var account = accounts.find(userId(id));
        var profile = ScimUsers.profile(body, account.user().enabled());
        return ok(resource(
                accounts.replace(provisioner(token, request), account.user().id(), profile)));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Map<String, Object>> patch(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal ProvisioningToken token,
            HttpServletRequest request) {
        var account = accounts.find(userId(id));
        var profile = ScimUsers.patch(body, ScimUsers.current(account));
        return ok(resource(
                accounts.replace(provisioner(token, request), account.user().id(), profile)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id, @AuthenticationPrincipal ProvisioningToken token, HttpServletRequest request) {
        accounts.delete(provisioner(token, request), userId(id));
        return ResponseEntity.noContent().build();
    }

    private Optional<LinkedAccount> findById(String id) {
        try {
            return Optional.of(accounts.find(userId(id)));
        } catch (ScimException | NotFoundException none) {
            return Optional.empty();
        }
    }

    private static ProvisionedAccounts.Provisioner provisioner(ProvisioningToken token, HttpServletRequest request) {
        return new ProvisionedAccounts.Provisioner("SCIM: " + token.name(), request.getRemoteAddr());
    }

    private static Map<String, Object> resource(LinkedAccount account) {
        return ScimUsers.resource(account, location(account));
    }

    private static String location(LinkedAccount account) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2/Users/{id}")
                .buildAndExpand(account.user().id().value())
                .toUriString();
    }

    private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(ScimErrors.SCIM_JSON)
                .body(body);
    }

    /** Ids are Tokenkeeper's account ids; anything else names no resource. */
    private static UserId userId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return new UserId(value);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to 404
        }
        throw ScimException.notFound("No user has this id.");
    }
}
