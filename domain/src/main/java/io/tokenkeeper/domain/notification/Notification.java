package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One notification for one user. Texts name tokens by name and hint, never by value.
 *
 * @param token the token it is about, when there is one
 * @param address the client address it is about (a new address, a canary's caller), when there is one
 * @param readAt when the user marked it read, or {@code null}
 */
public record Notification(
        long id,
        UserId recipient,
        NotificationKind kind,
        String title,
        String message,
        @Nullable TokenId token,
        @Nullable String address,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRead() {
        return readAt != null;
    }
}
