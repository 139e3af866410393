package io.tokenkeeper.domain.account;

import org.jspecify.annotations.Nullable;

/**
 * What the identity provider's provisioning (SCIM) says an account should be, as sent: checked by
 * {@link ProvisionedAccounts}.
 *
 * @param username the SCIM {@code userName}
 * @param displayName the SCIM {@code displayName} (or a name made of {@code name}); the username when absent
 * @param email the primary or first SCIM {@code emails} value
 * @param externalId the provider's own id for the person
 * @param active whether the account may sign in and its tokens work
 */
public record ProvisionedProfile(
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String externalId,
        boolean active) {}
