package io.tokenkeeper.domain.notification;

/** What a notification is about. The label is what the Profile's mail settings show. */
public enum NotificationKind {
    EXPIRES_SOON("A token expires soon"),
    EXPIRED("A token expired"),
    CHANGED_BY_ADMINISTRATOR("An administrator disabled, revoked, froze or unfroze a token"),
    NEW_ADDRESS("A token was used from a new address"),
    OLD_VALUE_RETIRED("The old value of a regenerated token stopped working"),
    CANARY_USED("A canary token was used"),
    DISABLED_FOR_INACTIVITY("A token was disabled for inactivity");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
