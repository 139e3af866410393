package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A signed-in user's own notifications and mail settings; nobody sees anyone else's. */
public final class NotificationService {

    public static final int SHOWN = 50;
    static final String SIGNED_OUT = "Your account is disabled.";

    private final NotificationStore store;
    private final UserStore users;
    private final Clock clock;

    public NotificationService(NotificationStore store, UserStore users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    /** The newest {@value #SHOWN}, newest first; none for an account disabled meanwhile. */
    public List<Notification> newest(Actor actor) {
        return enabled(actor) ? store.newest(actor.id(), SHOWN) : List.of();
    }

    /** How many are unread; none for an account disabled meanwhile (its pages are being refused anyway). */
    public int unread(Actor actor) {
        return enabled(actor) ? store.unread(actor.id()) : 0;
    }

    private boolean enabled(Actor actor) {
        return users.findById(actor.id()).filter(User::enabled).isPresent();
    }

    public void markRead(Actor actor, long id) {
        store.markRead(me(actor).id(), id, clock.instant());
    }

    public void markAllRead(Actor actor) {
        store.markAllRead(me(actor).id(), clock.instant());
    }

    /** The kinds the actor gets by mail (when mail is configured and they have an address). */
    public Set<NotificationKind> mailedKinds(Actor actor) {
        var kinds = EnumSet.allOf(NotificationKind.class);
        kinds.removeAll(store.mailOptOuts(me(actor).id()));
        return kinds;
    }

    public void setMailedKinds(Actor actor, Set<NotificationKind> kinds) {
        var off = EnumSet.allOf(NotificationKind.class);
        off.removeAll(kinds);
        store.setMailOptOuts(me(actor).id(), off);
    }

    private User me(Actor actor) {
        return users.findById(actor.id()).filter(User::enabled).orElseThrow(() -> new NotAllowedException(SIGNED_OUT));
    }
}
