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
 * What an accepted token leaves behind, written off the request thread: its "last used" time, address and resource
 * server, and an audit event when it is used from an address other than its last one. Each node tries at most once
 * per token and resource server (and per token and address) per {@link TokenUsage#INTERVAL}, so that a use at another
 * resource server is recorded at once; the database keeps it to once per interval across all nodes. On the request
 * thread this costs one or two in-memory lookups.
 */
public final class TokenUseRecorder {

    private static final Logger log = LoggerFactory.getLogger(TokenUseRecorder.class);
    private static final long REMEMBERED = 100_000;

    private final TokenUsage usage;
    private final Clock clock;
    private final BackgroundWork background;
    private final Cache<TokenServer, Boolean> recentlyRecorded = Caffeine.newBuilder()
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

    /**
     * A request the grant's token authenticated at a resource server; its new value's first use may end the overlap of
     * a rotation.
     *
     * @param server the identifier of the resource server the token was accepted at
     */
    public void used(TokenGrant grant, @Nullable String clientAddress, String server) {
        used(grant, clientAddress, null, null, server);
    }

    /**
     * Like {@link #used(TokenGrant, String, String)}, counted in the token's activity with what the request was.
     *
     * @param endpoint method and route pattern, never a query string; {@code null} when unknown
     */
    public void used(
            TokenGrant grant,
            @Nullable String clientAddress,
            @Nullable String userAgent,
            @Nullable String endpoint,
            String server) {
        handover.used(grant);
        activity.record(grant.token().id(), clientAddress, userAgent, endpoint);
        used(grant.token(), clientAddress, server);
    }

    /**
     * @param token the token as this node remembers it: an address equal to its {@code lastUsedIp} is not new; any
     *     other is compared with the stored one in the background
     * @param server the identifier of the resource server the token was accepted at
     */
    public void used(Token token, @Nullable String clientAddress, String server) {
        var id = token.id();
        var recorded = new TokenServer(id, server);
        // A read first: nearly every request finds its token recorded already, and a read is cheaper than a write.
        boolean record = recentlyRecorded.getIfPresent(recorded) == null
                && recentlyRecorded.asMap().putIfAbsent(recorded, Boolean.TRUE) == null;
        var place = clientAddress == null || clientAddress.equals(token.lastUsedIp())
                ? null
                : new TokenAddress(id, clientAddress);
        boolean compare = place != null
                && recentlyCompared.getIfPresent(place) == null
                && recentlyCompared.asMap().putIfAbsent(place, Boolean.TRUE) == null;
        if (!record && !compare) {
            return;
        }
        var at = clock.instant();
        boolean submitted = background.submit("record the use of token " + id.value(), () -> {
            if (compare) {
                compareAddress(place, at, server);
            }
            if (record) {
                recordUse(recorded, at, clientAddress);
            }
        });
        if (!submitted) {
            forget(record ? recorded : null, compare ? place : null);
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
    private void compareAddress(TokenAddress place, Instant at, String server) {
        try {
            usage.recordNewAddress(place.token(), at, place.address(), server);
        } catch (RuntimeException e) {
            recentlyCompared.invalidate(place);
            log.warn(
                    "Could not compare the address of a use of token {} ({})",
                    place.token().value(),
                    e.getClass().getSimpleName());
        }
    }

    private void recordUse(TokenServer recorded, Instant at, @Nullable String clientAddress) {
        try {
            usage.recordUse(recorded.token(), at, clientAddress, recorded.server());
        } catch (RuntimeException e) {
            recentlyRecorded.invalidate(recorded);
            log.warn(
                    "Could not record the use of token {} ({})",
                    recorded.token().value(),
                    e.getClass().getSimpleName());
        }
    }

    private void forget(@Nullable TokenServer recorded, @Nullable TokenAddress place) {
        if (recorded != null) {
            recentlyRecorded.invalidate(recorded);
        }
        if (place != null) {
            recentlyCompared.invalidate(place);
        }
    }

    private record TokenAddress(TokenId token, String address) {}

    private record TokenServer(TokenId token, String server) {}
}
