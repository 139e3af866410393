package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.InvalidInputException;

/**
 * The {@code offset} and {@code limit} of an administration list. A limit above {@link #MAX_LIMIT} is cut to it, as
 * the services do.
 */
record AdminPaging(int offset, int limit) {

    static final int MAX_LIMIT = 500;
    static final String DEFAULT_LIMIT = "50";

    static AdminPaging of(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "The offset cannot be negative.");
        }
        if (limit < 1) {
            throw new InvalidInputException("limit", "Ask for at least one row.");
        }
        return new AdminPaging(offset, Math.min(limit, MAX_LIMIT));
    }
}
