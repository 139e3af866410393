package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.base.NotAllowedException;

/**
 * What an actor may do, decided from their account as stored now and not as it was when they signed in: an account
 * disabled or a privilege removed since then counts from the very next call. Every service asks here.
 */
public final class AccessCheck {

    private final UserStore users;

    public AccessCheck(UserStore users) {
        this.users = users;
    }

    /**
     * The actor as stored now, when they {@linkplain User#mayAdminister() may administer}.
     *
     * @throws NotAllowedException with {@code refusal} otherwise
     */
    public User requireAdministrator(Actor actor, String refusal) {
        return users.findById(actor.id())
                .filter(User::mayAdminister)
                .orElseThrow(() -> new NotAllowedException(refusal));
    }

    /**
     * The actor as stored now, when they {@linkplain User#mayUseTheApi() may use the API}.
     *
     * @throws NotAllowedException with {@code refusal} otherwise
     */
    public User requireApiAccess(Actor actor, String refusal) {
        return users.findById(actor.id())
                .filter(User::mayUseTheApi)
                .orElseThrow(() -> new NotAllowedException(refusal));
    }

    /**
     * The actor as stored now, when they may administer or use the API.
     *
     * @throws NotAllowedException with {@code refusal} otherwise
     */
    public User requireAdministratorOrApiAccess(Actor actor, String refusal) {
        return users.findById(actor.id())
                .filter(user -> user.mayAdminister() || user.mayUseTheApi())
                .orElseThrow(() -> new NotAllowedException(refusal));
    }
}
