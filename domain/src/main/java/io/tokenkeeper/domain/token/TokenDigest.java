package io.tokenkeeper.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a token value: what is stored and looked up instead of the value. Compared by content.
 *
 * @param bytes the 32 digest bytes; the record keeps and hands out copies only
 */
public record TokenDigest(byte[] bytes) {

    public static final int LENGTH = 32;

    /** Never updated, only cloned: cheaper than a provider lookup and safe for virtual threads. */
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public TokenDigest {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("A token digest has " + LENGTH + " bytes, not " + bytes.length + ".");
        }
        bytes = bytes.clone();
    }

    static TokenDigest sha256(byte[] input) {
        return new TokenDigest(newSha256().digest(input));
    }

    /**
     * The SHA-256 of a secret's text in UTF-8, as stored for every kind of secret with ample entropy (API tokens,
     * resource servers' client secrets, provisioning tokens); whatever was presented, well formed or not.
     */
    public static TokenDigest ofText(String secret) {
        return sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** A copy of the 32 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenDigest that && MessageDigest.isEqual(bytes, that.bytes);
    }

    /** The first four bytes: a SHA-256 is already evenly spread. */
    @Override
    public int hashCode() {
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    @Override
    public String toString() {
        return "TokenDigest[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
