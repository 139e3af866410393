package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators list users with their privileges and grant or remove API Access and Administrator. The API's chain
 * lets only administrators' tokens in ({@link ApiSecurityConfig}); {@link UserAdministration} checks again against the
 * caller's fresh row and keeps its rules: nobody removes their own Administrator privilege, and the last enabled
 * administrator keeps it. A change stops or starts the user's tokens on the next request.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = AdminTokenController.ADMINISTRATORS_ONLY)
class AdminUserController {

    static final String NO_SUCH_USER = "This user does not exist.";

    private final UserAdministration users;
    private final UserStore store;
    private final Transactions transactions;

    AdminUserController(UserAdministration users, UserStore store, Transactions transactions) {
        this.users = users;
        this.store = store;
        this.transactions = transactions;
    }

    @GetMapping
    @Operation(
            operationId = "listUsers",
            summary = "Users and their privileges, a page at a time",
            description = "Users whose username, display name or email contains q (ignoring case), ordered by"
                    + " username; at most 500 per page.")
    ApiResponses.UserPage list(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = AdminPaging.DEFAULT_LIMIT) int limit,
            HttpServletRequest request,
            HttpServletResponse response) {
        var page = AdminPaging.of(offset, limit);
        var actor = caller.actor();
        var rows = users.search(actor, q, page.offset(), page.limit()).stream()
                .map(ApiResponses.AdminUserRow::of)
                .toList();
        long total = users.count(actor, q);
        PageLinks.add(request, response, page, total);
        return new ApiResponses.UserPage(rows, page.offset(), page.limit(), total);
    }

    @PutMapping("/{id}/privileges/{privilege}")
    @Operation(
            operationId = "grantPrivilege",
            summary = "Grant a privilege: API_ACCESS or ADMINISTRATOR",
            description = "Idempotent: granting a privilege the user holds changes nothing.")
    ApiResponses.AdminUser grant(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable long id, @PathVariable String privilege) {
        return ApiResponses.AdminUser.of(change(caller, id, privilege, true));
    }

    @DeleteMapping("/{id}/privileges/{privilege}")
    @Operation(
            operationId = "removePrivilege",
            summary = "Remove a privilege: API_ACCESS or ADMINISTRATOR",
            description = "The user's tokens stop working at once without API Access. Nobody removes their own"
                    + " Administrator privilege, and the last enabled administrator keeps it (409).")
    ApiResponses.AdminUser remove(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable long id, @PathVariable String privilege) {
        return ApiResponses.AdminUser.of(change(caller, id, privilege, false));
    }

    /** Reads the user and writes their privileges back in one transaction; the service decides whether it may. */
    private User change(ApiCaller caller, long id, String name, boolean granted) {
        var privilege = privilege(name);
        if (id <= 0) {
            throw new NotFoundException(NO_SUCH_USER);
        }
        var actor = caller.actor();
        return transactions.inTransaction(() -> {
            var user = store.findById(new UserId(id)).orElseThrow(() -> new NotFoundException(NO_SUCH_USER));
            var privileges = EnumSet.noneOf(Privilege.class);
            privileges.addAll(user.privileges());
            if (granted) {
                privileges.add(privilege);
            } else {
                privileges.remove(privilege);
            }
            var email = user.email() == null ? null : user.email().value();
            return users.updateUser(actor, user.id(), user.displayName().value(), email, privileges);
        });
    }

    /** The privilege's name as the API shows it (API_ACCESS), ignoring case; api-access works too. */
    private static Privilege privilege(String name) {
        var normalised = name.replace('-', '_').toUpperCase(Locale.ROOT);
        for (var privilege : Privilege.values()) {
            if (privilege.name().equals(normalised)) {
                return privilege;
            }
        }
        throw new InvalidInputException("privilege", "There is no such privilege. Use API_ACCESS or ADMINISTRATOR.");
    }
}
