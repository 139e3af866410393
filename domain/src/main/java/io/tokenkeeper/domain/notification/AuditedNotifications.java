package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail, telling people what concerns them as it is written: every audited action is the one source of
 * notifications, so none can be forgotten by a service. Inside the action's transaction: both commit or neither.
 */
public final class AuditedNotifications implements AuditLog {

    private final AuditLog audit;
    private final TokenStore tokens;
    private final Notifier notifier;

    public AuditedNotifications(AuditLog audit, TokenStore tokens, Notifier notifier) {
        this.audit = audit;
        this.tokens = tokens;
        this.notifier = notifier;
    }

    @Override
    public void record(AuditEvent event) {
        audit.record(event);
        switch (event.action()) {
            case TOKEN_DISABLED, TOKEN_REVOKED ->
                token(event)
                        .filter(token -> !token.ownerId().equals(event.actorId()))
                        .ifPresent(token -> notifier.notify(
                                token.ownerId(),
                                NotificationKind.CHANGED_BY_ADMINISTRATOR,
                                (event.action() == AuditAction.TOKEN_REVOKED ? "Token revoked: " : "Token disabled: ")
                                        + token.name().value(),
                                "An administrator (" + event.actorName() + ") "
                                        + (event.action() == AuditAction.TOKEN_REVOKED ? "revoked" : "disabled")
                                        + " your token " + described(token) + ".",
                                token.id(),
                                null));
            case TOKENS_FROZEN, TOKENS_UNFROZEN ->
                user(event)
                        .filter(user -> !user.equals(event.actorId()))
                        .ifPresent(user -> notifier.notify(
                                user,
                                NotificationKind.CHANGED_BY_ADMINISTRATOR,
                                event.action() == AuditAction.TOKENS_FROZEN
                                        ? "Your tokens were frozen"
                                        : "Your tokens were unfrozen",
                                "An administrator (" + event.actorName() + "): " + event.details(),
                                null,
                                null));
            case TOKEN_USED_FROM_NEW_ADDRESS ->
                token(event)
                        .ifPresent(token -> notifier.notify(
                                token.ownerId(),
                                NotificationKind.NEW_ADDRESS,
                                "New address for " + token.name().value(),
                                "Your token " + described(token) + " was used from " + event.clientAddress()
                                        + ", an address it was not used from before. If that was not you, disable it.",
                                token.id(),
                                event.clientAddress()));
            case TOKEN_DISABLED_FOR_INACTIVITY ->
                token(event)
                        .ifPresent(token -> notifier.notify(
                                token.ownerId(),
                                NotificationKind.DISABLED_FOR_INACTIVITY,
                                "Token disabled for inactivity: " + token.name().value(),
                                event.details() + ". You can enable it again under API Tokens.",
                                token.id(),
                                null));
            case CANARY_TOKEN_USED ->
                token(event).ifPresent(token -> {
                    var title = "Canary token used: " + token.name().value();
                    var message = "Someone used the canary token " + described(token) + ": " + event.details() + ".";
                    notifier.notify(
                            token.ownerId(),
                            NotificationKind.CANARY_USED,
                            title,
                            message,
                            token.id(),
                            event.clientAddress());
                    notifier.notifyAdministrators(
                            token.ownerId(),
                            NotificationKind.CANARY_USED,
                            title,
                            message,
                            token.id(),
                            event.clientAddress());
                });
            default -> {}
        }
    }

    @Override
    public List<AuditEvent> search(AuditFilter filter, int offset, int limit) {
        return audit.search(filter, offset, limit);
    }

    @Override
    public int count(AuditFilter filter, int atMost) {
        return audit.count(filter, atMost);
    }

    private Optional<Token> token(AuditEvent event) {
        if (!"token".equals(event.targetType()) || event.targetId() == null) {
            return Optional.empty();
        }
        try {
            return tokens.find(new TokenId(Long.parseLong(Objects.requireNonNull(event.targetId()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UserId> user(AuditEvent event) {
        if (!"user".equals(event.targetType()) || event.targetId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserId(Long.parseLong(Objects.requireNonNull(event.targetId()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String described(Token token) {
        return "\u201C" + token.name().value() + "\u201D (" + token.hint().value() + ")";
    }
}
