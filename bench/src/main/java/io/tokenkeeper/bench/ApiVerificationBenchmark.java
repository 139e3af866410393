package io.tokenkeeper.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.Verification;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole verification of a presented token with a warm cache, as every authenticated API request does it: take
 * the value from {@code Bearer <value>}, parse and checksum it, digest it (SHA-256), find the token and its owner in a
 * Caffeine cache configured like the API's ({@code CachedTokenGrants}: 30 s after write, 10 000 entries, statistics
 * on) and check that the token is usable, the owner enabled with API Access, and the client's address trusted.
 * {@code tokens} tokens are cached and the benchmark cycles through them, so the lookups are not all of one entry.
 *
 * <p>{@link #warmBearer()} uses an empty list of trusted ranges (any address); {@link #warmBearerFromTrustedRange()}
 * three ranges, with the verdict on each address remembered like the API's {@code CachedPolicy} does. Not included:
 * reading the header from Tomcat, the security context, and the "last used" bookkeeping (two map lookups).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ApiVerificationBenchmark {

    private static final String CLIENT = "203.0.113.77";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"1000"})
    public int tokens;

    private String[] headers;
    private int next;
    private TokenAuthenticator anyAddress;
    private TokenAuthenticator trustedRanges;

    @Setup
    public void warmTheCache() {
        var random = new SecureRandom();
        Cache<TokenDigest, TokenGrant> cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(30))
                .maximumSize(10_000)
                .recordStats()
                .build();
        var owner = new User(
                new UserId(1),
                new Username("alice"),
                DisplayName.of("Alice"),
                null,
                true,
                EnumSet.of(Privilege.API_ACCESS),
                CREATED,
                CREATED);
        headers = new String[tokens];
        for (int i = 0; i < tokens; i++) {
            var secret = TokenSecret.generate(random);
            var token = new Token(
                    new TokenId(i + 1),
                    owner.id(),
                    TokenName.of("Token " + i),
                    secret.hint(),
                    true,
                    CREATED,
                    null,
                    null,
                    null,
                    null);
            cache.put(secret.digest(), new TokenGrant(token, owner));
            headers[i] = "Bearer " + secret.reveal();
        }
        var clock = Clock.systemUTC();
        anyAddress = new TokenAuthenticator(
                digest -> Optional.ofNullable(cache.getIfPresent(digest)), clock, address -> true);
        var policy = new TokenPolicy(
                TokenQuota.DEFAULT,
                null,
                List.of(
                        IpRange.parse("f", "192.0.2.0/24"),
                        IpRange.parse("f", "2001:db8::/32"),
                        IpRange.parse("f", "203.0.113.0/24")));
        Cache<String, Boolean> verdicts =
                Caffeine.newBuilder().maximumSize(10_000).build();
        trustedRanges = new TokenAuthenticator(
                digest -> Optional.ofNullable(cache.getIfPresent(digest)),
                clock,
                address -> address != null && verdicts.get(address, policy::trusts));
        for (var header : headers) {
            requireAccepted(anyAddress.verify(header.substring(7), null, CLIENT));
            requireAccepted(trustedRanges.verify(header.substring(7), null, CLIENT));
        }
    }

    @Benchmark
    public Verification warmBearer() {
        return anyAddress.verify(value(nextHeader()), null, CLIENT);
    }

    @Benchmark
    public Verification warmBearerFromTrustedRange() {
        return trustedRanges.verify(value(nextHeader()), null, CLIENT);
    }

    private String nextHeader() {
        var header = headers[next];
        next = next + 1 == headers.length ? 0 : next + 1;
        return header;
    }

    /** What the API's credential parser does for a bearer token: the scheme, one space, the rest. */
    private static String value(String header) {
        int space = header.indexOf(' ');
        if (space <= 0 || !header.regionMatches(true, 0, "Bearer", 0, space)) {
            throw new IllegalStateException("Not a bearer header");
        }
        return header.substring(space + 1);
    }

    private static void requireAccepted(Verification verification) {
        if (!verification.isAccepted()) {
            throw new IllegalStateException("The warm cache refused a token: " + verification.outcome());
        }
    }
}
