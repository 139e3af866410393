package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where notifications, mail settings and the claims of reminders live. Implemented by the persistence module. */
public interface NotificationStore {

    Notification add(
            UserId recipient,
            NotificationKind kind,
            String title,
            String message,
            @Nullable TokenId token,
            @Nullable String address,
            Instant at);

    /** The recipient's newest notifications first, at most {@code limit}. */
    List<Notification> newest(UserId recipient, int limit);

    int unread(UserId recipient);

    /** @return whether the recipient had such an unread notification */
    boolean markRead(UserId recipient, long id, Instant at);

    int markAllRead(UserId recipient, Instant at);

    /** The enabled administrators. */
    List<UserId> administrators();

    /** The kinds the user does not want by mail. */
    Set<NotificationKind> mailOptOuts(UserId user);

    void setMailOptOuts(UserId user, Set<NotificationKind> kinds);

    /**
     * Claims the reminders due at {@code now}: for every lead time, each token (enabled or not, not revoked) whose
     * expiry is within that many days and not past, not claimed for it before; and with lead time 0, each token that
     * expired within the last {@code expiredWithin} days, not claimed before. Claims are rows with a unique key, so
     * racing nodes claim each reminder once; the claim commits or rolls back with the notification.
     */
    List<DueReminder> claimDueReminders(List<Integer> leadDays, Instant now, int expiredWithin);

    /** Forgets the claims of a token's reminders: its expiry moved. */
    void forgetReminders(TokenId token);

    /**
     * Claims the old values of rotations that stopped working by {@code now} and were not announced yet; each once
     * across nodes.
     */
    List<RetiredValue> claimRetiredValues(Instant now);

    /** @param leadDays 0 for "expired" */
    record DueReminder(TokenId token, UserId owner, String tokenName, String hint, Instant expiresAt, int leadDays) {}

    record RetiredValue(TokenId token, UserId owner, String tokenName, String oldHint, Instant retiredAt) {}
}
