package io.tokenkeeper.persistence.base;

/** The database lacks a PostgreSQL extension the schema needs, and Tokenkeeper's role cannot add it. */
public final class MissingExtensionException extends RuntimeException {

    private final String extension;
    private final boolean available;
    private final String role;
    private final String database;

    MissingExtensionException(String extension, boolean available, String role, String database) {
        super("The PostgreSQL extension " + extension + " is not installed in database \"" + database + "\", and "
                + (available
                        ? "the role \"" + role + "\" may not create it."
                        : "the server does not offer it (its contrib package is missing)."));
        this.extension = extension;
        this.available = available;
        this.role = role;
        this.database = database;
    }

    /** What an operator runs to fix it. */
    public String remedy() {
        var create = "CREATE EXTENSION IF NOT EXISTS " + extension + ";";
        return available
                ? "Ask a database administrator to run, as a superuser or the database owner, in database \"" + database
                        + "\": " + create + " (or GRANT CREATE ON DATABASE \"" + database + "\" TO \"" + role
                        + "\"; once). Then start Tokenkeeper again."
                : "Install PostgreSQL's contrib package on the database server (for example postgresql-contrib), then"
                        + " run in database \"" + database + "\": " + create + " Then start Tokenkeeper again.";
    }
}
