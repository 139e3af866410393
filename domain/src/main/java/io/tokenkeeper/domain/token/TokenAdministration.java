package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Administrators' view of everyone's tokens: search them page by page, and freeze all of one user's tokens at once
 * and undo it. Every method reads the acting user afresh and requires an enabled administrator. Single tokens are
 * disabled, enabled and revoked through {@link TokenService}, which lets administrators act on anyone's token.
 */
public final class TokenAdministration {

    /** The largest page one call returns; a larger limit is cut to this. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * How many tokens of one search can be listed, so that no query reads more rows than this plus a page, however
     * many tokens there are. A narrower search finds the others.
     */
    public static final int MAX_LISTED = 10_000;

    public static final int MAX_REASON_LENGTH = 500;

    static final String ADMINISTRATORS_ONLY = "Only administrators can manage everyone's tokens.";
    static final String UNKNOWN_USER = "There is no user with this username.";

    private final TokenDirectory directory;
    private final TokenFreezes freezes;
    private final TokenStore tokens;
    private final UserStore users;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final TokenChanges changes;

    /**
     * @param tokens used to make a freeze take turns with token creations for the same owner
     * @param changes told, inside the transaction, about every owner whose tokens a freeze or unfreeze switched
     */
    public TokenAdministration(
            TokenDirectory directory,
            TokenFreezes freezes,
            TokenStore tokens,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            TokenChanges changes) {
        this.directory = directory;
        this.freezes = freezes;
        this.tokens = tokens;
        this.users = users;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * One page of the tokens that are not revoked and match, in the search's order, out of the first
     * {@link #MAX_LISTED}.
     *
     * @param limit the most tokens to return, at most {@link #MAX_PAGE_SIZE}
     * @throws NotAllowedException unless the actor is an enabled administrator
     */
    public List<ManagedToken> search(Actor actor, TokenSearch search, int offset, int limit) {
        requireAdministrator(actor);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        int listed = Math.min(Math.min(limit, MAX_PAGE_SIZE), MAX_LISTED - Math.min(offset, MAX_LISTED));
        if (listed == 0) {
            return List.of();
        }
        return directory.search(search, now(), offset, listed);
    }

    /**
     * How many tokens that are not revoked match, counted up to one more than {@link #MAX_LISTED}: a larger answer
     * than {@link #MAX_LISTED} means "more than can be listed".
     *
     * @throws NotAllowedException unless the actor is an enabled administrator
     */
    public long count(Actor actor, TokenSearch search) {
        requireAdministrator(actor);
        return directory.count(search, MAX_LISTED + 1L);
    }

    /**
     * Disables every token of the user that is switched on, and remembers exactly which, until {@link #unfreeze}.
     * A user without such tokens is frozen all the same, with none listed.
     *
     * @throws InvalidInputException for "username" (missing or unknown) or "reason" (missing, too long, invisible
     *     characters)
     * @throws ConflictException when the user's tokens are already frozen
     */
    public FreezeResult freeze(Actor actor, @Nullable String username, @Nullable String reason) {
        return transactions.inTransaction(() -> {
            var admin = requireAdministrator(actor);
            var owner = existingUser(username);
            var why = Text.require("reason", "a reason", Text.normalise(reason), MAX_REASON_LENGTH);
            tokens.lockOwner(owner.id());
            if (freezes.isFrozen(owner.id())) {
                throw new ConflictException(owner.username() + "'s tokens are already frozen.");
            }
            var now = now();
            var frozen = freezes.freeze(owner.id(), why, admin.id(), now);
            changes.ownerChanged(owner.id());
            var details = frozen.isEmpty()
                    ? "Froze no tokens (reason: " + quoted(why) + "); none was enabled."
                    : "Froze " + count(frozen) + " (reason: " + quoted(why) + "): " + list(frozen);
            record(actor, AuditAction.TOKENS_FROZEN, owner, details, now);
            return new FreezeResult(owner.username(), frozen);
        });
    }

    /**
     * Ends the user's freeze: enables again those tokens it disabled that are still disabled and not revoked. A
     * token the owner or an administrator enabled or revoked in the meantime is left as it is.
     *
     * @throws InvalidInputException for "username" (missing or unknown)
     * @throws ConflictException when the user's tokens are not frozen
     */
    public FreezeResult unfreeze(Actor actor, @Nullable String username) {
        return transactions.inTransaction(() -> {
            var admin = requireAdministrator(actor);
            var owner = existingUser(username);
            tokens.lockOwner(owner.id());
            if (!freezes.isFrozen(owner.id())) {
                throw new ConflictException(owner.username() + "'s tokens are not frozen.");
            }
            var now = now();
            var enabled = freezes.unfreeze(owner.id(), admin.id(), now);
            changes.ownerChanged(owner.id());
            var details = enabled.isEmpty()
                    ? "Ended the freeze; none of its tokens was still disabled."
                    : "Ended the freeze and enabled " + count(enabled) + " again: " + list(enabled);
            record(actor, AuditAction.TOKENS_UNFROZEN, owner, details, now);
            return new FreezeResult(owner.username(), enabled);
        });
    }

    private User requireAdministrator(Actor actor) {
        return access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
    }

    private User existingUser(@Nullable String username) {
        var name = Text.normalise(username);
        if (name.isEmpty()) {
            throw new InvalidInputException("username", "Enter a username.");
        }
        if (!Username.isWellFormed(name)) {
            throw new InvalidInputException("username", UNKNOWN_USER);
        }
        return users.findByUsername(name).orElseThrow(() -> new InvalidInputException("username", UNKNOWN_USER));
    }

    /** Time as the database keeps it (microseconds). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Actor actor, AuditAction action, User owner, String details, Instant at) {
        audit.record(AuditEvent.onUser(actor, action, owner, details, at));
    }

    private static String count(List<Token> list) {
        return list.size() + (list.size() == 1 ? " token" : " tokens");
    }

    /** E.g. “CI deploy” (tkp_Ab12…wxyz), “Backup” (tkp_Cd34…stuv): never a value or a digest. */
    private static String list(List<Token> list) {
        return list.stream()
                        .map(token -> quoted(token.name().value()) + " ("
                                + token.hint().value() + ")")
                        .collect(Collectors.joining(", "))
                + ".";
    }

    private static String quoted(String text) {
        return "\u201C" + text + "\u201D";
    }
}
