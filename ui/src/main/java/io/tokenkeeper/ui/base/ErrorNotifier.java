package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.tokenkeeper.domain.base.DomainException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception that escaped a click or a navigation into a message for the person: a broken rule says what
 * it is; anything else (the database went away, a bug) says that it failed, and is logged without the request data.
 */
public final class ErrorNotifier implements ErrorHandler {

    static final String UNEXPECTED =
            "Something went wrong and nothing was changed. Try again; if it keeps happening, tell your administrator.";
    private static final Logger log = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        String message = domainMessage(error);
        if (message == null) {
            log.error("Unexpected error in the UI", error);
            message = UNEXPECTED;
        }
        if (UI.getCurrent() != null) {
            String shown = message;
            UI.getCurrent().access(() -> Notifications.error(shown));
        }
    }

    private static @Nullable String domainMessage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain.getMessage();
            }
        }
        return null;
    }
}
