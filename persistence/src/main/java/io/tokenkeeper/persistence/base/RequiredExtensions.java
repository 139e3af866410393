package io.tokenkeeper.persistence.base;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Checks, before Flyway migrates, that the PostgreSQL extensions the schema needs are there or can be created by the
 * role Tokenkeeper connects as. Without it an external server that lacks {@code pg_trgm} (or a role that may not
 * create it) fails deep inside migration V8 with a Flyway stack trace; with it the start-up error says what to run.
 */
public final class RequiredExtensions implements Callback {

    /** The trigram index behind Administration › Users' search (migration V8). */
    static final String TRIGRAMS = "pg_trgm";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            check(context.getConnection(), TRIGRAMS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the PostgreSQL extensions Tokenkeeper needs", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "Tokenkeeper's required PostgreSQL extensions";
    }

    static void check(Connection connection, String extension) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select exists (select 1 from pg_extension where extname = ?),
                       exists (select 1 from pg_available_extensions where name = ?),
                       coalesce((select rolsuper from pg_roles where rolname = current_user), false)
                           or has_database_privilege(current_user, current_database(), 'CREATE'),
                       current_user,
                       current_database()
                """)) {
            statement.setString(1, extension);
            statement.setString(2, extension);
            try (var result = statement.executeQuery()) {
                result.next();
                boolean installed = result.getBoolean(1);
                boolean available = result.getBoolean(2);
                boolean mayCreate = result.getBoolean(3);
                if (!installed && !(available && mayCreate)) {
                    throw new MissingExtensionException(extension, available, result.getString(4), result.getString(5));
                }
            }
        }
    }
}
