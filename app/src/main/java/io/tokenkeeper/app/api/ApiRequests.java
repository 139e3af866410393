package io.tokenkeeper.app.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the API accepts. Absent fields are {@code null}; the domain checks every value. */
final class ApiRequests {

    private ApiRequests() {}

    /** {@code POST /api/v1/tokens}. */
    record NewToken(@Nullable String name, @Nullable Instant expiresAt) {}

    /** {@code PATCH /api/v1/tokens/{id}}: a new name, the switch, or both. */
    record TokenChange(@Nullable String name, @Nullable Boolean enabled) {}

    /** {@code PATCH /api/v1/admin/tokens/{id}}: switch anyone's token on or off. */
    record TokenSwitch(@Nullable Boolean enabled) {}
}
