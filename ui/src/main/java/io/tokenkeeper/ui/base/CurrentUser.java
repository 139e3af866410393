package io.tokenkeeper.ui.base;

import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;

/** The person signed in to this browser session. Supplied by the application module. */
public interface CurrentUser {

    /** Whether someone has signed in to this browser session. */
    boolean isSignedIn();

    /** The user as stored now (not as it was at sign-in). */
    User user();

    /** The user together with the address of the current request, for the services to check and audit. */
    Actor actor();

    /**
     * The user changed their own password in this session: it stays signed in (their other sessions end). Call it
     * after the change succeeded.
     */
    void credentialsChanged();

    void signOut();
}
