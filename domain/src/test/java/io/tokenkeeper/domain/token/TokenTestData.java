package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Named token fixtures; change only what a test is about. */
final class TokenTestData {

    static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");

    private TokenTestData() {}

    /** Enabled, never expires, never used, owned by user 7. */
    static Builder aToken() {
        return new Builder();
    }

    static final class Builder {

        private long id = 1;
        private @Nullable UserId ownerId = new UserId(7);
        private String name = "Deploy";
        private boolean enabled = true;
        private @Nullable Instant expiresAt;
        private @Nullable Instant revokedAt;
        private @Nullable Instant lastUsedAt;
        private @Nullable String lastUsedIp;
        private java.util.List<io.tokenkeeper.domain.network.IpRange> allowedRanges = java.util.List.of();

        Builder named(String name) {
            this.name = name;
            return this;
        }

        Builder ownedBy(@Nullable UserId ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        Builder disabled() {
            this.enabled = false;
            return this;
        }

        Builder expiringAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        Builder revokedAt(Instant revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        Builder lastUsed(Instant at, String ip) {
            this.lastUsedAt = at;
            this.lastUsedIp = ip;
            return this;
        }

        Builder allowedFrom(String... ranges) {
            this.allowedRanges = java.util.Arrays.stream(ranges)
                    .map(range -> io.tokenkeeper.domain.network.IpRange.parse("allowedAddresses", range))
                    .toList();
            return this;
        }

        Token build() {
            return new Token(
                    new TokenId(id),
                    ownerId,
                    TokenName.of(name),
                    new TokenHint("tkp_Ab12…wxyz"),
                    enabled,
                    CREATED,
                    expiresAt,
                    revokedAt,
                    lastUsedAt,
                    lastUsedIp,
                    null,
                    io.tokenkeeper.domain.scope.Scope.TOKENKEEPER,
                    allowedRanges);
        }
    }
}
