package io.tokenkeeper.domain.provisioning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM provisioning token as administrators see it; never its value.
 *
 * @param hint {@code tks_} and its first four random characters
 * @param createdBy the username of the administrator who created it
 * @param lastUsedAt when SCIM last presented it (to the minute)
 */
public record ProvisioningToken(
        long id,
        String name,
        String hint,
        Instant createdAt,
        @Nullable String createdBy,
        @Nullable Instant lastUsedAt) {

    public static final int MAX_NAME_LENGTH = 100;
}
