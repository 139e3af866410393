package io.tokenkeeper.domain.user;

/** What a user may do beyond managing their own profile. */
public enum Privilege {
    API_ACCESS("API Access"),
    ADMINISTRATOR("Administrator");

    private final String label;

    Privilege(String label) {
        this.label = label;
    }

    /** The name people see in the product. */
    public String label() {
        return label;
    }
}
