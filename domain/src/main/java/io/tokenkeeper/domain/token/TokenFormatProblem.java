package io.tokenkeeper.domain.token;

/**
 * The first rule a candidate token value breaks, checked in declaration order; {@link #NONE} if it is well
 * formed. Well formed is not the same as valid: only a stored digest makes a value valid.
 */
public enum TokenFormatProblem {
    NONE,
    /** No value, or an empty one. */
    MISSING,
    /** Does not start with {@code tkp_} (case matters). */
    PREFIX,
    /** Not exactly {@value TokenSecret#LENGTH} characters. */
    LENGTH,
    /** A character after the prefix is not one of {@code 0-9A-Za-z}. */
    ALPHABET,
    /** The last six characters are not the CRC32 of the rest: a typo or a truncated copy. */
    CHECKSUM
}
