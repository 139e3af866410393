package io.tokenkeeper.ui.base;

import io.tokenkeeper.domain.base.DomainException;

/** How a page carries out a click on a row's action. */
public final class Actions {

    private Actions() {}

    /**
     * Runs the action, says that it worked or which rule it broke, then shows the data as it is now: after a refusal too,
     * because someone else may have changed it meanwhile.
     */
    public static void perform(Runnable action, String success, Runnable refresh) {
        try {
            action.run();
            Notifications.success(success);
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refresh.run();
    }
}
