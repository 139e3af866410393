package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.token.TokenId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The uses of tokens one node saw since its last flush, summed per token, written at once. The id makes the write
 * happen at most once: a batch whose commit was not confirmed is written again only if it is not there.
 */
public record UsageBatch(UUID id, List<TokenUses> tokens) {

    public UsageBatch {
        Objects.requireNonNull(id, "id");
        tokens = List.copyOf(tokens);
    }

    /**
     * @param calls how many calls per day (UTC)
     * @param addresses per client address, when it was first and last seen in this batch
     */
    public record TokenUses(
            TokenId token,
            Map<LocalDate, Long> calls,
            Map<String, TokenActivity.AddressUse> addresses,
            @Nullable String lastUserAgent,
            @Nullable String lastEndpoint,
            Instant lastSeenAt) {

        public TokenUses {
            calls = Map.copyOf(calls);
            addresses = Map.copyOf(addresses);
        }
    }
}
