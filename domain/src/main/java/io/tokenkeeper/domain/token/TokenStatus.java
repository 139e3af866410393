package io.tokenkeeper.domain.token;

/**
 * What a token's owner sees in the Status column. Only enabled/disabled, the revocation time and the expiry are
 * stored; {@link Token#statusAt} derives the status from them.
 */
public enum TokenStatus {
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    TokenStatus(String label) {
        this.label = label;
    }

    /** The word shown to people. */
    public String label() {
        return label;
    }
}
