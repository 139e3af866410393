package io.tokenkeeper.persistence.base;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Reads PostgreSQL's SQLSTATE out of whatever exception wraps it (jOOQ's or Spring's translation). */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /** True when a unique constraint or index refused the write; {@code constraint} narrows it when given. */
    public static boolean isUniqueViolation(Throwable error, @Nullable String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return constraint == null || String.valueOf(sql.getMessage()).contains(constraint);
            }
        }
        return false;
    }
}
