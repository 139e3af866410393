package io.tokenkeeper.domain.token;

/** What a regenerated token's expiry becomes. */
public enum ExpiryChoice {
    /**
     * As far from now as the policy's maximum lifetime allows; without a maximum, as long as the token lived from its
     * creation to its expiry (a token that never expired still never does).
     */
    FRESH("A fresh expiry"),
    /** The expiry stays as it is; an expired token cannot keep it. */
    KEEP("Keep the current expiry");

    private final String label;

    ExpiryChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
