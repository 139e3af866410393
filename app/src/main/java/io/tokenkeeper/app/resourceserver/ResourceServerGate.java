package io.tokenkeeper.app.resourceserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.api.auth.FailureThrottle;
import io.tokenkeeper.app.api.auth.PresentedCredential;
import io.tokenkeeper.app.api.cache.BackgroundWork;
import io.tokenkeeper.app.api.cache.CachedTokenGrants;
import io.tokenkeeper.app.api.cache.TokenUseRecorder;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.Introspection;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.Verification;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What introspection and forward-auth share: checking the calling resource server's credential (cached, constant
 * time, throttled per address and audited when refused) and judging a token for that server on the API's hot path
 * (parse and checksum, the cached token state, no query when warm; a throttled client's guesses cost no query).
 * The policy's trusted IP ranges are Tokenkeeper's own API's and do not apply here; a token's own allowed addresses
 * do, against the end client's address when the caller says it.
 */
final class ResourceServerGate {

    private static final Duration AUDIT_ONCE_PER = Duration.ofMinutes(5);

    private final CachedCredentials credentials;
    private final CachedTokenGrants grants;
    private final TokenAuthenticator authenticator;
    private final FailureThrottle throttle;
    private final TokenUseRecorder uses;
    private final AuditLog audit;
    private final BackgroundWork background;
    private final Clock clock;
    private final Cache<String, Boolean> recentlyAudited = Caffeine.newBuilder()
            .expireAfterWrite(AUDIT_ONCE_PER)
            .maximumSize(10_000)
            .build();

    ResourceServerGate(
            CachedCredentials credentials,
            CachedTokenGrants grants,
            FailureThrottle throttle,
            TokenUseRecorder uses,
            AuditLog audit,
            BackgroundWork background,
            Clock clock) {
        this.credentials = credentials;
        this.grants = grants;
        this.authenticator = new TokenAuthenticator(grants, clock, address -> true);
        this.throttle = throttle;
        this.uses = uses;
        this.audit = audit;
        this.background = background;
        this.clock = clock;
    }

    /** The outcome of checking a caller's client credential. */
    sealed interface Caller {}

    record Authenticated(ResourceServer server) implements Caller {}

    record Refused() implements Caller {}

    record Throttled(Duration retryAfter) implements Caller {}

    /** Checks {@code Basic base64(client_id:client_secret)} from {@code callerAddress}. */
    Caller authenticate(@Nullable String header, String callerAddress) {
        var presented = header == null ? null : PresentedCredential.parse(header);
        if (presented == null || presented.username() == null || !ClientId.isWellFormed(presented.username())) {
            return refuse(null, callerAddress, "No well-formed client credential");
        }
        var clientId = new ClientId(presented.username());
        var wait = throttle.throttled(callerAddress);
        if (wait.isPresent() && !credentials.isCached(clientId)) {
            return new Throttled(wait.get());
        }
        var credential = credentials.find(clientId);
        if (credential.isEmpty()) {
            return refuse(clientId, callerAddress, "Unknown client id");
        }
        if (!credential.get().accepts(presented.value())) {
            return refuse(
                    clientId,
                    callerAddress,
                    credential.get().server().enabled()
                            ? "Wrong client secret for "
                                    + credential.get().server().name()
                            : credential.get().server().name() + " is disabled");
        }
        return new Authenticated(credential.get().server());
    }

    /**
     * Judges a token for {@code server}: active with the server's scopes it holds, or inactive.
     *
     * @param authorization the value of an {@code Authorization} header (forward-auth), or {@code "Bearer " + token}
     * @param clientAddress the end client's address when the caller knows it, for the token's allowed addresses and
     *     the throttle
     * @param callerAddress the resource server's own address, throttled when no end client is named
     */
    Introspection judge(
            ResourceServer server,
            @Nullable String authorization,
            @Nullable String clientAddress,
            String callerAddress) {
        var presented = authorization == null ? null : PresentedCredential.parse(authorization);
        if (presented == null) {
            return Introspection.INACTIVE;
        }
        var throttled = clientAddress == null ? callerAddress : clientAddress;
        boolean cacheMostly = throttle.throttled(throttled).isPresent();
        Verification verification = cacheMostly
                ? authenticator.verify(
                        presented.value(), presented.username(), clientAddress, grants::findForThrottledClient)
                : authenticator.verify(presented.value(), presented.username(), clientAddress);
        var introspection = Introspection.of(server, verification);
        if (introspection.isActive()) {
            uses.used(
                    verification.requireGrant(),
                    clientAddress,
                    server.identifier().value());
        } else if (verification.outcome() == Verification.Outcome.CANARY) {
            uses.canaryUsed(verification.requireGrant(), clientAddress, null, "presented to " + server.name());
            throttle.failed(throttled);
        } else if (verification.outcome() == Verification.Outcome.MALFORMED
                || verification.outcome() == Verification.Outcome.UNKNOWN) {
            throttle.failed(throttled);
        }
        return introspection;
    }

    private Caller refuse(@Nullable ClientId clientId, String callerAddress, String why) {
        var overLimit = throttle.failed(callerAddress);
        var key = callerAddress + "\n" + (clientId == null ? "" : clientId.value());
        if (recentlyAudited.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            var at = clock.instant();
            background.submit(
                    "record a refused resource-server credential",
                    () -> audit.record(AuditEvent.resourceServerRefused(
                            clientId == null ? null : clientId.value(),
                            callerAddress,
                            why + "; recorded at most once per 5 minutes per address and client",
                            at)));
        }
        return overLimit.<Caller>map(Throttled::new).orElseGet(Refused::new);
    }

    Optional<Duration> throttled(String address) {
        return throttle.throttled(address);
    }
}
