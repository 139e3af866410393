package io.tokenkeeper.domain.audit;

import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who did what to which user or token, when, and from where. Details never hold a
 * secret (no token value, digest or password).
 *
 * @param actorId the acting user, or {@code null} for the system or an unknown caller
 * @param actorName the acting user's username as it was then, or "system"
 * @param targetType "user" or "token"
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

    public static final String SYSTEM = "system";

    /** An event a signed-in user caused on their own account. */
    public static AuditEvent onOwnAccount(Actor actor, AuditAction action, String details, Instant now) {
        var user = actor.user();
        return new AuditEvent(
                now,
                user.id(),
                user.username().value(),
                action,
                "user",
                Long.toString(user.id().value()),
                user.username().value(),
                details,
                actor.clientAddress());
    }
}
