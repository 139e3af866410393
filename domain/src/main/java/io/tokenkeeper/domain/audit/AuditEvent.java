package io.tokenkeeper.domain.audit;

import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who did what to which user or token, when, and from where. Details never hold a
 * secret (no token value, digest or password). Services build events through the named factories below; the
 * constructor is for reading events back.
 *
 * @param actorId the acting user, or {@code null} for the system or an unknown caller
 * @param actorName the acting user's username as it was then, "system" or "unknown"
 * @param targetType "user", "token", "resource-server", "scim-token", "policy" or "address"
 * @param targetId the id of the user or token acted on, as text
 * @param targetName a readable name of the target (a username, a token name) as it was then
 */
public record AuditEvent(
        Instant occurredAt,
        @Nullable UserId actorId,
        String actorName,
        AuditAction action,
        String targetType,
        @Nullable String targetId,
        @Nullable String targetName,
        String details,
        @Nullable String clientAddress) {

    /** The actor's name when Tokenkeeper itself acted. */
    public static final String SYSTEM = "system";

    /** The actor's name when nobody signed in acted (a failed sign-in, a throttled client). */
    public static final String UNKNOWN = "unknown";

    /**
     * The actor's name when the company's identity provider acted at a sign-in through it (an account created, its
     * profile or privileges brought in line with the provider's claims and groups).
     */
    public static final String IDENTITY_PROVIDER = "identity provider";

    private static final int MAX_REASON_LENGTH = 500;

    /** The longest actor name kept. */
    public static final int MAX_ACTOR_NAME_LENGTH = 64;

    private static final String USER = "user";
    private static final String TOKEN = "token";

    /** The signed-in user did something to their own account. */
    public static AuditEvent onOwnAccount(Actor actor, AuditAction action, String details, Instant at) {
        return onUser(actor, action, actor.user(), details, at);
    }

    /** The signed-in user did something to a user's account, or to all of that user's tokens at once. */
    public static AuditEvent onUser(Actor actor, AuditAction action, User target, String details, Instant at) {
        return by(
                actor,
                action,
                USER,
                Long.toString(target.id().value()),
                target.username().value(),
                details,
                at);
    }

    /**
     * The signed-in user did something to one token.
     *
     * @param tokenId the token's id
     * @param tokenName the token's name as it is after the change
     */
    public static AuditEvent onToken(
            Actor actor, AuditAction action, long tokenId, String tokenName, String details, Instant at) {
        return by(actor, action, TOKEN, Long.toString(tokenId), tokenName, details, at);
    }

    /**
     * An administrator registered, changed or deleted a resource server.
     *
     * @param serverId the server's id
     * @param serverName the server's name as it is after the change
     */
    public static AuditEvent onResourceServer(
            Actor actor, AuditAction action, long serverId, String serverName, String details, Instant at) {
        return by(actor, action, "resource-server", Long.toString(serverId), serverName, details, at);
    }

    /**
     * An administrator created or revoked a SCIM provisioning token.
     *
     * @param tokenId the provisioning token's id
     * @param tokenName its name
     */
    public static AuditEvent onProvisioningToken(
            Actor actor, AuditAction action, long tokenId, String tokenName, String details, Instant at) {
        return by(actor, action, "scim-token", Long.toString(tokenId), tokenName, details, at);
    }

    /**
     * The identity provider changed an account: at a sign-in through it, or through SCIM provisioning.
     *
     * @param via who acted as the Audit Log names them: {@link #IDENTITY_PROVIDER}, or the SCIM provisioning token
     *     ("SCIM: Okta"); cut to {@value #MAX_ACTOR_NAME_LENGTH} characters
     */
    public static AuditEvent byIdentityProvider(
            String via, AuditAction action, User target, String details, @Nullable String clientAddress, Instant at) {
        return new AuditEvent(
                at,
                null,
                via.length() > MAX_ACTOR_NAME_LENGTH ? via.substring(0, MAX_ACTOR_NAME_LENGTH) : via,
                action,
                USER,
                Long.toString(target.id().value()),
                target.username().value(),
                details,
                clientAddress);
    }

    /**
     * A sign-in through the identity provider failed. Unlike a failed password, the reason is kept even without an
     * account: it comes from the provider or the protocol, never from what a person typed.
     *
     * @param account the account the sign-in was for, when known
     */
    public static AuditEvent singleSignOnFailed(
            @Nullable User account, String reason, @Nullable String clientAddress, Instant at) {
        return new AuditEvent(
                at,
                null,
                UNKNOWN,
                AuditAction.SIGN_IN_FAILED,
                USER,
                account == null ? null : Long.toString(account.id().value()),
                account == null ? "unknown user" : account.username().value(),
                reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason,
                clientAddress);
    }

    /** Tokenkeeper itself did something to one token, by a rule (a policy, a rotation's end). */
    public static AuditEvent bySystemOnToken(
            AuditAction action, long tokenId, String tokenName, String details, Instant at) {
        return new AuditEvent(at, null, SYSTEM, action, TOKEN, Long.toString(tokenId), tokenName, details, null);
    }

    /** An administrator changed the token policy. */
    public static AuditEvent policyChanged(Actor actor, String details, Instant at) {
        return by(actor, AuditAction.POLICY_CHANGED, "policy", null, "Token policy", details, at);
    }

    /** Tokenkeeper created the first administrator on a fresh installation. */
    public static AuditEvent firstAdministratorCreated(User administrator, Instant at) {
        return new AuditEvent(
                at,
                null,
                SYSTEM,
                AuditAction.USER_CREATED,
                USER,
                Long.toString(administrator.id().value()),
                administrator.username().value(),
                "Created the first administrator at first start",
                null);
    }

    /**
     * Someone failed to sign in to the browser UI.
     *
     * @param account the existing account the attempt named, or {@code null}: then neither the attempted name nor
     *     the reason is kept, for the name may be a password typed into the wrong field
     * @param reason why the attempt on {@code account} failed
     */
    public static AuditEvent signInFailed(
            @Nullable User account, String reason, @Nullable String clientAddress, Instant at) {
        return new AuditEvent(
                at,
                null,
                UNKNOWN,
                AuditAction.SIGN_IN_FAILED,
                USER,
                account == null ? null : Long.toString(account.id().value()),
                account == null ? "unknown user" : account.username().value(),
                account == null ? "Unknown username" : reason,
                clientAddress);
    }

    /** Sign-ins were refused unchecked for a while after too many failures; {@code account} as for a failure. */
    public static AuditEvent signInThrottled(
            @Nullable User account, String details, @Nullable String clientAddress, Instant at) {
        return new AuditEvent(
                at,
                null,
                UNKNOWN,
                AuditAction.SIGN_IN_THROTTLED,
                USER,
                account == null ? null : Long.toString(account.id().value()),
                account == null ? "unknown user" : account.username().value(),
                details,
                clientAddress);
    }

    /**
     * A token was used from an address other than the one it was last used from.
     *
     * @param server the name of the resource server it was used at, or {@code null} when unknown
     * @param previousServer the name of the resource server of its last recorded use, or {@code null} when unknown
     */
    public static AuditEvent tokenUsedFromNewAddress(
            UserId owner,
            String ownerName,
            long tokenId,
            String tokenName,
            String previousAddress,
            @Nullable String previousServer,
            String address,
            @Nullable String server,
            Instant at) {
        return new AuditEvent(
                at,
                owner,
                ownerName,
                AuditAction.TOKEN_USED_FROM_NEW_ADDRESS,
                TOKEN,
                Long.toString(tokenId),
                tokenName,
                "Used from " + address + (server == null ? " by an API call" : " at " + server)
                        + "; its last recorded use was from " + previousAddress
                        + (previousServer == null ? "" : " at " + previousServer) + ".",
                address);
    }

    /** A client address failed to authenticate so often that its API calls are refused for a while. */
    /** A caller presented a resource-server credential that is unknown, wrong or of a disabled server. */
    public static AuditEvent resourceServerRefused(
            @Nullable String clientId, String clientAddress, String details, Instant at) {
        return new AuditEvent(
                at,
                null,
                UNKNOWN,
                AuditAction.RESOURCE_SERVER_REFUSED,
                "resource-server",
                null,
                clientId == null ? "unknown client" : clientId,
                details,
                clientAddress);
    }

    public static AuditEvent apiThrottled(String clientAddress, String details, Instant at) {
        return new AuditEvent(
                at, null, UNKNOWN, AuditAction.API_THROTTLED, "address", null, clientAddress, details, clientAddress);
    }

    private static AuditEvent by(
            Actor actor,
            AuditAction action,
            String targetType,
            @Nullable String targetId,
            String targetName,
            String details,
            Instant at) {
        var user = actor.user();
        return new AuditEvent(
                at,
                user.id(),
                user.username().value(),
                action,
                targetType,
                targetId,
                targetName,
                details,
                actor.clientAddress());
    }
}
