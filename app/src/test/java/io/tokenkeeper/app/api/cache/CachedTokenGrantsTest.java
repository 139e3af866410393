package io.tokenkeeper.app.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenHint;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

/** The cache's rules, without a database: what it keeps, what it forgets, and lookups that race a change. */
class CachedTokenGrantsTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final SecureRandom random = new SecureRandom();
    private final Map<TokenDigest, TokenGrant> stored = new HashMap<>();
    private int lookups;
    private Consumer<CachedTokenGrants> duringLookup = cache -> {};
    private CachedTokenGrants cache;
    private final DatabaseStatus database =
            new DatabaseStatus(new SimpleDriverDataSource(), Clock.systemUTC(), new SimpleMeterRegistry());
    private boolean databaseDown;

    @BeforeEach
    void setUp() {
        cache = new CachedTokenGrants(
                digest -> {
                    lookups++;
                    if (databaseDown) {
                        throw new CannotCreateTransactionException(
                                "down", new SQLTransientConnectionException("Connection is not available"));
                    }
                    duringLookup.accept(cache);
                    return Optional.ofNullable(stored.get(digest));
                },
                Duration.ofSeconds(30),
                100,
                database);
        cache.listening(true);
    }

    @Test
    void while_the_database_is_unreachable_warm_tokens_are_answered_from_memory_and_cold_ones_fail_at_once() {
        var warm = store(1, 7);
        var cold = store(2, 7);
        cache.findByDigest(warm);
        cache.listening(false);
        databaseDown = true;

        assertThat(cache.findByDigest(warm)).isPresent();
        assertThat(database.isReachable()).isFalse();
        int lookupsBefore = lookups;
        assertThatThrownBy(() -> cache.findByDigest(cold)).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(cache.findByDigest(warm)).isPresent();
        assertThat(lookups)
                .as("no more attempts once the database is known to be down")
                .isEqualTo(lookupsBefore);
    }

    @Test
    void a_second_lookup_of_a_known_token_is_served_from_memory() {
        var digest = store(1, 7);

        assertThat(cache.findByDigest(digest)).isPresent();
        assertThat(cache.findByDigest(digest)).isPresent();
        assertThat(cache.findCached(digest)).isPresent();
        assertThat(lookups).isEqualTo(1);
    }

    @Test
    void unknown_digests_are_not_remembered() {
        var unknown = TokenSecret.generate(random).digest();

        cache.findByDigest(unknown);
        cache.findByDigest(unknown);

        assertThat(lookups).isEqualTo(2);
        assertThat(cache.findCached(unknown)).isEmpty();
    }

    @Test
    void forgets_a_changed_token_and_every_token_of_a_changed_owner_only() {
        var first = store(1, 7);
        var second = store(2, 7);
        var other = store(3, 8);
        cache.findByDigest(first);
        cache.findByDigest(second);
        cache.findByDigest(other);

        cache.tokenChanged(new TokenId(1));
        assertThat(cache.findCached(first)).isEmpty();
        assertThat(cache.findCached(second)).isPresent();

        cache.accountChanged(new UserId(7));
        assertThat(cache.findCached(second)).isEmpty();
        assertThat(cache.findCached(other)).isPresent();
    }

    @Test
    void a_lookup_that_overlaps_a_change_of_its_token_is_not_kept() {
        var digest = store(1, 7);
        duringLookup = cache -> cache.tokenChanged(new TokenId(1));

        assertThat(cache.findByDigest(digest)).isPresent();

        assertThat(cache.findCached(digest)).isEmpty();
    }

    @Test
    void a_lookup_that_overlaps_a_change_of_another_token_is_kept() {
        var digest = store(1, 7);
        duringLookup = cache -> cache.tokenChanged(new TokenId(2));

        cache.findByDigest(digest);

        assertThat(cache.findCached(digest)).isPresent();
    }

    @Test
    void a_lookup_older_than_every_remembered_eviction_is_not_kept() {
        var digest = store(1, 7);
        duringLookup = cache -> {
            for (int i = 0; i < 1_000; i++) {
                cache.tokenChanged(new TokenId(1_000 + i));
            }
        };

        cache.findByDigest(digest);

        assertThat(cache.findCached(digest)).isEmpty();
    }

    @Test
    void while_not_listening_nothing_is_cached_or_served_from_memory() {
        var digest = store(1, 7);
        cache.findByDigest(digest);

        cache.listening(false);
        assertThat(cache.findCached(digest)).isEmpty();
        cache.findByDigest(digest);
        cache.findByDigest(digest);
        assertThat(lookups).isEqualTo(3);

        cache.listening(true);
        assertThat(cache.findCached(digest)).isEmpty();
    }

    @Test
    void a_token_used_after_half_its_lifetime_is_read_again_in_the_background_while_the_cached_state_serves()
            throws InterruptedException {
        var background = new BackgroundWork();
        try {
            var refreshing = new CachedTokenGrants(
                    digest -> {
                        lookups++;
                        return Optional.ofNullable(stored.get(digest));
                    },
                    Duration.ofHours(1),
                    100,
                    background,
                    Duration.ZERO,
                    known -> true,
                    database);
            refreshing.listening(true);
            var digest = store(1, 7);
            var gone = store(2, 7);
            refreshing.findByDigest(digest);
            refreshing.findByDigest(gone);
            var before = stored.get(digest);
            stored.put(digest, new TokenGrant(disabled(before.token()), before.owner()));
            stored.remove(gone);

            assertThat(refreshing.findByDigest(digest).orElseThrow().token().enabled())
                    .isTrue();
            assertThat(refreshing.findByDigest(gone)).isPresent();
            finish(background);

            assertThat(lookups).isEqualTo(4);
            assertThat(refreshing.findCached(digest).orElseThrow().token().enabled())
                    .isFalse();
            assertThat(refreshing.findCached(gone)).isEmpty();
        } finally {
            background.close();
        }
    }

    /** Everything queued on the background thread has run. */
    private static void finish(BackgroundWork background) throws InterruptedException {
        var done = new CountDownLatch(1);
        assertThat(background.submit("mark the end", done::countDown)).isTrue();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static Token disabled(Token token) {
        return new Token(
                token.id(),
                token.ownerId(),
                token.name(),
                token.hint(),
                false,
                token.createdAt(),
                token.expiresAt(),
                token.revokedAt(),
                token.lastUsedAt(),
                token.lastUsedIp());
    }

    private TokenDigest store(long tokenId, long ownerId) {
        var secret = TokenSecret.generate(random);
        var owner = new User(
                new UserId(ownerId),
                new Username("user" + ownerId),
                DisplayName.of("User " + ownerId),
                null,
                true,
                Set.of(Privilege.API_ACCESS),
                CREATED,
                CREATED);
        var token = new Token(
                new TokenId(tokenId),
                owner.id(),
                TokenName.of("Token " + tokenId),
                new TokenHint(secret.hint().value()),
                true,
                CREATED,
                null,
                null,
                null,
                null);
        stored.put(secret.digest(), new TokenGrant(token, owner));
        return secret.digest();
    }
}
