package io.tokenkeeper.app.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.activity.UsageRecorder;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an accepted token leaves behind, written off the request thread: its "last used" time and address, and an
 * audit event when it is used from an address other than its last one. Each node tries at most once per token (and
 * per token and address) per {@link TokenUsage#INTERVAL}; the database keeps it to once per interval across all nodes.
 * On the request thread this costs one or two in-memory lookups.
 */
public final class TokenUseRecorder {

    private static final Logger log = LoggerFactory.getLogger(TokenUseRecorder.class);
    private static final long REMEMBERED = 100_000;

    private final TokenUsage usage;
    private final Clock clock;
    private final BackgroundWork background;
    private final Cache<TokenId, Boolean> recentlyRecorded = Caffeine.newBuilder()
            .expireAfterWrite(TokenUsage.INTERVAL)
            .maximumSize(REMEMBERED)
            .build();
    private final Cache<TokenAddress, Boolean> recentlyCompared = Caffeine.newBuilder()
            .expireAfterWrite(TokenUsage.INTERVAL)
            .maximumSize(REMEMBERED)
            .build();

    private final RotationHandover handover;
    private final UsageRecorder activity;
    private final CanaryTokens canaries;

    TokenUseRecorder(
            TokenUsage usage,
            Clock clock,
            BackgroundWork background,
            RotationHandover handover,
            UsageRecorder activity,
            CanaryTokens canaries) {
        this.canaries = canaries;
        this.usage = usage;
        this.clock = clock;
        this.background = background;
        this.handover = handover;
        this.activity = activity;
    }

    /** A request the grant's token authenticated; its new value's first use may end the overlap of a rotation. */
    public void used(TokenGrant grant, @Nullable String clientAddress) {
        used(grant, clientAddress, null, null);
    }

    /**
     * Like {@link #used(TokenGrant, String)}, counted in the token's activity with what the request was.
     *
     * @param endpoint method and route pattern, never a query string; {@code null} when unknown
     */
    public void used(
            TokenGrant grant, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String endpoint) {
        handover.used(grant);
        activity.record(grant.token().id(), clientAddress, userAgent, endpoint);
        used(grant.token(), clientAddress);
    }

    /**
     * @param token the token as this node remembers it: an address equal to its {@code lastUsedIp} is not new; any
     *     other is compared with the stored one in the background
     */
    public void used(Token token, @Nullable String clientAddress) {
        var id = token.id();
        // A read first: nearly every request finds its token recorded already, and a read is cheaper than a write.
        boolean record = recentlyRecorded.getIfPresent(id) == null
                && recentlyRecorded.asMap().putIfAbsent(id, Boolean.TRUE) == null;
        var place = clientAddress == null || clientAddress.equals(token.lastUsedIp())
                ? null
                : new TokenAddress(id, clientAddress);
        boolean compare = place != null && recentlyCompared.asMap().putIfAbsent(place, Boolean.TRUE) == null;
        if (!record && !compare) {
            return;
        }
        var at = clock.instant();
        boolean submitted = background.submit("record the use of token " + id.value(), () -> {
            if (compare) {
                compareAddress(place, at);
            }
            if (record) {
                recordUse(id, at, clientAddress);
            }
        });
        if (!submitted) {
            forget(record ? id : null, compare ? place : null);
        }
    }

    /**
     * Someone presented a canary token: the alarm (audit and notifications) is raised off the request thread, so the
     * refusal takes the time of any other.
     *
     * @param path the request's path, never its query string
     */
    public void canaryUsed(
            TokenGrant grant, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String path) {
        if (!background.submit(
                "raise the alarm for canary token " + grant.token().id().value(),
                () -> canaries.used(grant, clientAddress, userAgent, path))) {
            log.warn(
                    "Could not raise the alarm for canary token {}: too much work queued",
                    grant.token().id().value());
        }
    }

    /** Before recording the use, which may overwrite the address to compare with. */
    private void compareAddress(TokenAddress place, Instant at) {
        try {
            usage.recordNewAddress(place.token(), at, place.address());
        } catch (RuntimeException e) {
            recentlyCompared.invalidate(place);
            log.warn(
                    "Could not compare the address of a use of token {} ({})",
                    place.token().value(),
                    e.getClass().getSimpleName());
        }
    }

    private void recordUse(TokenId id, Instant at, @Nullable String clientAddress) {
        try {
            usage.recordUse(id, at, clientAddress);
        } catch (RuntimeException e) {
            recentlyRecorded.invalidate(id);
            log.warn(
                    "Could not record the use of token {} ({})",
                    id.value(),
                    e.getClass().getSimpleName());
        }
    }

    private void forget(@Nullable TokenId id, @Nullable TokenAddress place) {
        if (id != null) {
            recentlyRecorded.invalidate(id);
        }
        if (place != null) {
            recentlyCompared.invalidate(place);
        }
    }

    private record TokenAddress(TokenId token, String address) {}
}
