package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.tokenkeeper.domain.base.DomainException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception that escaped a click or a navigation into a message for the person: a broken rule says what
 * it is; an unreachable database says so (the application logs the outage once); anything else (a bug) says that it
 * failed, and is logged without the request data.
 */
public final class ErrorNotifier implements ErrorHandler {

    static final String UNEXPECTED =
            "Something went wrong and nothing was changed. Try again; if it keeps happening, tell your administrator.";
    public static final String DATABASE_UNAVAILABLE =
            "The database is unavailable; nothing was changed. Try again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(ErrorNotifier.class);

    private final Predicate<Throwable> databaseUnavailable;

    /** @param databaseUnavailable whether an error means the database could not be reached (said once, not logged) */
    public ErrorNotifier(Predicate<Throwable> databaseUnavailable) {
        this.databaseUnavailable = databaseUnavailable;
    }

    public ErrorNotifier() {
        this(error -> false);
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        String message = domainMessage(error);
        if (message == null && databaseUnavailable.test(error)) {
            message = DATABASE_UNAVAILABLE;
        }
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
