package io.tokenkeeper.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Slows down password guessing on the sign-in form with growing delays, never a lock-out: after a few failures
 * from one address, or for one account, the next attempt must wait 1 s, then 2, 4, 8… up to a minute after the latest
 * failure, and attempts made sooner are refused without checking the password. The account's count leaves out
 * addresses that signed in to it before, so an attacker elsewhere cannot keep its owner out; the address's count
 * is higher, for offices behind one NAT. Everything is forgotten a quarter of an hour after the last failure.
 * Counted in each node's memory.
 */
final class SignInThrottle {

    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration LONGEST_DELAY = Duration.ofMinutes(1);
    static final Duration MEMORY = Duration.ofMinutes(15);
    private static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofDays(30);

    private final Clock clock;
    private final Cache<String, Failures> byAddress = cache(MEMORY);
    private final Cache<String, Failures> byAccount = cache(MEMORY);
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder()
            .expireAfterWrite(KNOWN_ADDRESS_MEMORY)
            .maximumSize(200_000)
            .build();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How much longer a sign-in to {@code username} from {@code address} must wait, if at all. */
    Optional<Wait> waitFor(String address, String username) {
        var now = clock.instant();
        var addressWait = remaining(byAddress.getIfPresent(address), FREE_FAILURES_PER_ADDRESS, now);
        var accountWait = knownAddresses.getIfPresent(known(address, username)) != null
                ? Duration.ZERO
                : remaining(byAccount.getIfPresent(account(username)), FREE_FAILURES_PER_ACCOUNT, now);
        if (addressWait.isZero() && accountWait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(
                addressWait.compareTo(accountWait) >= 0
                        ? new Wait(addressWait, "too many failed sign-ins from this address")
                        : new Wait(accountWait, "too many failed sign-ins to this account"));
    }

    void failed(String address, String username) {
        var now = clock.instant();
        byAddress.asMap().merge(address, new Failures(1, now), Failures::plus);
        if (knownAddresses.getIfPresent(known(address, username)) == null) {
            byAccount.asMap().merge(account(username), new Failures(1, now), Failures::plus);
        }
    }

    /** The account's owner signed in from here: this address no longer counts towards the account's delay. */
    void succeeded(String address, String username) {
        knownAddresses.put(known(address, username), Boolean.TRUE);
    }

    private static Duration remaining(@Nullable Failures failures, int free, Instant now) {
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - free, 6);
        var delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(LONGEST_DELAY) > 0) {
            delay = LONGEST_DELAY;
        }
        var left = Duration.between(now, failures.latest().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String account(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static String known(String address, String username) {
        return account(username) + "\n" + address;
    }

    private static Cache<String, Failures> cache(Duration memory) {
        return Caffeine.newBuilder()
                .expireAfterWrite(memory)
                .maximumSize(200_000)
                .build();
    }

    /** How long to wait, rounded up to whole seconds for people, and why. */
    record Wait(Duration duration, String reason) {

        long seconds() {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }

    private record Failures(int count, Instant latest) {

        Failures plus(Failures more) {
            return new Failures(count + more.count, latest.isAfter(more.latest) ? latest : more.latest);
        }
    }
}
