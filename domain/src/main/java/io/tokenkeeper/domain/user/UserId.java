package io.tokenkeeper.domain.user;

/** The database identity of a user. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("A user id is positive");
        }
    }
}
