package io.tokenkeeper.domain.provisioning;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Administration › Single Sign-On › Provisioning tokens: the credentials the identity provider's SCIM client presents.
 * Administrators create them (the value is shown once, only a digest is kept), list and revoke them; every change is
 * audited. A token is good for SCIM only, and stops at once when revoked.
 */
public final class ProvisioningTokens {

    /** Enough for a provider or two and a rotation; a bound on what nobody remembers to revoke. */
    public static final int MAX_ACTIVE = 10;

    static final String ADMINISTRATORS_ONLY = "Only administrators can manage provisioning tokens.";

    private final ProvisioningTokenStore store;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random;

    public ProvisioningTokens(
            ProvisioningTokenStore store,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random) {
        this.store = store;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Creates a provisioning token; its value is in the answer and nowhere else.
     *
     * @throws io.tokenkeeper.domain.base.InvalidInputException for "name"
     * @throws ConflictException when {@value #MAX_ACTIVE} tokens are active already
     */
    public CreatedProvisioningToken create(Actor actor, @Nullable String name) {
        var checked = Text.require("name", "a name", Text.normalise(name), ProvisioningToken.MAX_NAME_LENGTH);
        var secret = ProvisioningSecret.generate(random);
        return transactions.inTransaction(() -> {
            var admin = access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            if (store.listActive().size() >= MAX_ACTIVE) {
                throw new ConflictException("There are " + MAX_ACTIVE
                        + " provisioning tokens already. Revoke one that is" + " no longer used first.");
            }
            var now = clock.instant();
            var token = store.insert(checked, secret.digest(), secret.hint(), admin.id(), now);
            audit.record(AuditEvent.onProvisioningToken(
                    actor,
                    AuditAction.PROVISIONING_TOKEN_CREATED,
                    token.id(),
                    token.name(),
                    "Created " + token.hint() + ", good for SCIM provisioning only",
                    now));
            return new CreatedProvisioningToken(token, secret);
        });
    }

    /** The tokens that work, newest first. Administrators only. */
    public List<ProvisioningToken> list(Actor actor) {
        access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
        return store.listActive();
    }

    /** Revokes a token: SCIM requests presenting it are refused from now on. */
    public void revoke(Actor actor, long id) {
        transactions.run(() -> {
            var admin = access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var token = store.findActive(id)
                    .orElseThrow(() -> new NotFoundException("This provisioning token does not exist or was revoked."));
            var now = clock.instant();
            store.revoke(id, admin.id(), now);
            audit.record(AuditEvent.onProvisioningToken(
                    actor,
                    AuditAction.PROVISIONING_TOKEN_REVOKED,
                    token.id(),
                    token.name(),
                    "Revoked " + token.hint() + "; SCIM requests presenting it are refused",
                    now));
        });
    }

    /**
     * The token a SCIM request presented, when it is one that works; records its use. A value without the token's
     * shape is refused before any database work.
     */
    public Optional<ProvisioningToken> authenticate(@Nullable String presented) {
        if (!ProvisioningSecret.isWellFormed(presented)) {
            return Optional.empty();
        }
        var token = store.findActiveByDigest(ProvisioningSecret.digestOf(presented));
        token.ifPresent(found -> store.recordUse(found.id(), clock.instant()));
        return token;
    }
}
