package io.tokenkeeper.app.base;

/** A lookup needed the database, which is unreachable, and memory did not have the answer. */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException() {
        super("The database is unavailable", null, false, false);
    }
}
