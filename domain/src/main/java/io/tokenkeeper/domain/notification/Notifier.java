package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Delivers a notification: stored for the recipient (seen in the bell on every node), and mailed to their address
 * unless they switched that kind off or have none. Called inside the transaction of what happened; the mail goes out
 * only if it commits. Callers never pass a token value: texts name tokens by name and hint.
 */
public final class Notifier {

    private final NotificationStore store;
    private final UserStore users;
    private final Mailer mailer;
    private final Clock clock;

    public Notifier(NotificationStore store, UserStore users, Mailer mailer, Clock clock) {
        this.store = store;
        this.users = users;
        this.mailer = mailer;
        this.clock = clock;
    }

    public void notify(
            UserId recipient,
            NotificationKind kind,
            String title,
            String message,
            @Nullable TokenId token,
            @Nullable String address) {
        var user = users.findById(recipient);
        if (user.isEmpty()) {
            return;
        }
        store.add(
                recipient, kind, title, message, token, address, clock.instant().truncatedTo(ChronoUnit.MICROS));
        var email = user.get().email();
        if (email != null
                && user.get().enabled()
                && !store.mailOptOuts(recipient).contains(kind)) {
            mailer.send(
                    email.value(),
                    "Tokenkeeper: " + title,
                    message + "\n\nSee your notifications in Tokenkeeper. You can switch these emails off on your"
                            + " Profile.");
        }
    }

    /** The same notification to every enabled administrator but {@code except} (who is told already). */
    public void notifyAdministrators(
            @Nullable UserId except,
            NotificationKind kind,
            String title,
            String message,
            @Nullable TokenId token,
            @Nullable String address) {
        for (var administrator : store.administrators()) {
            if (!administrator.equals(except)) {
                notify(administrator, kind, title, message, token, address);
            }
        }
    }
}
