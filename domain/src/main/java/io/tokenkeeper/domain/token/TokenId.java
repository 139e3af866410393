package io.tokenkeeper.domain.token;

/** The database identity of a token; positive. */
public record TokenId(long value) {

    public TokenId {
        if (value <= 0) {
            throw new IllegalArgumentException("A token id is positive, not " + value + ".");
        }
    }
}
