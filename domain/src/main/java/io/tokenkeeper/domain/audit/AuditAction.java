package io.tokenkeeper.domain.audit;

/** What happened. The label is what the Audit Log shows; the name is what the database stores. */
public enum AuditAction {
    SIGN_IN_SUCCEEDED("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_IN_THROTTLED("Sign-in throttled"),
    SIGNED_OUT("Signed out"),
    USER_CREATED("User created"),
    PROFILE_CHANGED("Profile changed"),
    PASSWORD_CHANGED("Password changed"),
    USER_CHANGED("User changed"),
    PRIVILEGES_CHANGED("Privileges changed"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User enabled"),
    PASSWORD_RESET("Password reset"),
    POLICY_CHANGED("Policy changed"),
    TOKEN_CREATED("Token created"),
    TOKEN_RENAMED("Token renamed"),
    TOKEN_DISABLED("Token disabled"),
    TOKEN_ENABLED("Token enabled"),
    TOKEN_REVOKED("Token revoked"),
    TOKEN_REGENERATED("Token regenerated"),
    TOKEN_OLD_VALUE_RETIRED("Old token value retired"),
    TOKEN_EXPIRY_CHANGED("Token expiry changed"),
    TOKEN_DISABLED_FOR_INACTIVITY("Token disabled for inactivity"),
    CANARY_TOKEN_CREATED("Canary token created"),
    CANARY_TOKEN_USED("Canary token used"),
    TOKEN_USED_FROM_NEW_ADDRESS("Token used from a new address"),
    API_THROTTLED("API calls throttled"),
    TOKENS_FROZEN("Tokens frozen"),
    TOKENS_UNFROZEN("Tokens unfrozen"),
    RESOURCE_SERVER_REGISTERED("Resource server registered"),
    RESOURCE_SERVER_CHANGED("Resource server changed"),
    RESOURCE_SERVER_SECRET_REGENERATED("Resource server secret regenerated"),
    RESOURCE_SERVER_DISABLED("Resource server disabled"),
    RESOURCE_SERVER_ENABLED("Resource server enabled"),
    RESOURCE_SERVER_DELETED("Resource server deleted"),
    RESOURCE_SERVER_REFUSED("Resource server credential refused"),
    IDENTITY_LINK_ALLOWED("Single sign-on link allowed"),
    IDENTITY_LINK_WITHDRAWN("Single sign-on link withdrawn"),
    IDENTITY_LINKED("Linked to the identity provider"),
    USER_DEPROVISIONED("User deprovisioned"),
    PROVISIONING_TOKEN_CREATED("Provisioning token created"),
    PROVISIONING_TOKEN_REVOKED("Provisioning token revoked");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
