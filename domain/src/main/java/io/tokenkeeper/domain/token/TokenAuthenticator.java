package io.tokenkeeper.domain.token;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a presented token value authenticates an API request. The format and checksum are checked first,
 * so a malformed value never costs a lookup (nor any other database work); then the client's address against the
 * trusted IP ranges of the token policy, before the lookup, so that a call from elsewhere learns nothing about the
 * token; then the token and its owner must allow API access right now. With HTTP Basic the username must name the
 * owner, plainly or as {@code BOOMI_TOKEN.<username>}; a token its owner narrowed to some addresses works only from
 * there.
 */
public final class TokenAuthenticator {

    /** What Boomi puts before the username when the password is an API token. */
    public static final String BOOMI_PREFIX = "BOOMI_TOKEN.";

    private final TokenGrants grants;
    private final Clock clock;
    private final Predicate<@Nullable String> trustedAddress;

    /**
     * @param trustedAddress whether API calls from a client address (a literal IP address, or {@code null} when
     *     unknown) are allowed, as the token policy says now
     */
    public TokenAuthenticator(TokenGrants grants, Clock clock, Predicate<@Nullable String> trustedAddress) {
        this.grants = grants;
        this.clock = clock;
        this.trustedAddress = trustedAddress;
    }

    /**
     * @param presented the value as received; never logged or kept
     * @param username the HTTP Basic username, or {@code null} for a bearer token
     * @param clientAddress the address the call came from, or {@code null} when unknown
     */
    public Verification verify(
            @Nullable CharSequence presented, @Nullable String username, @Nullable String clientAddress) {
        return verify(presented, username, clientAddress, grants);
    }

    /** Like {@link #verify(CharSequence, String, String)}, looking the token up in {@code lookup}, such as a cache. */
    public Verification verify(
            @Nullable CharSequence presented,
            @Nullable String username,
            @Nullable String clientAddress,
            TokenGrants lookup) {
        var secret = TokenSecret.parse(presented);
        if (secret.isEmpty()) {
            return Verification.refused(Verification.Outcome.MALFORMED);
        }
        if (!trustedAddress.test(clientAddress)) {
            return Verification.refused(Verification.Outcome.ADDRESS_NOT_TRUSTED);
        }
        var found = lookup.findByDigest(secret.get().digest());
        if (found.isEmpty()) {
            return Verification.refused(Verification.Outcome.UNKNOWN);
        }
        var grant = found.get();
        if (grant.canary()) {
            return Verification.canary(grant);
        }
        if (!grant.isUsableAt(clock.instant())) {
            return Verification.refused(Verification.Outcome.TOKEN_NOT_USABLE);
        }
        if (!grant.ownerMayUseTheApi()) {
            return Verification.refused(Verification.Outcome.OWNER_NOT_ALLOWED);
        }
        if (username != null && !namesOwner(username, grant)) {
            return Verification.refused(Verification.Outcome.WRONG_USERNAME);
        }
        if (!grant.token().allowsAddress(clientAddress)) {
            return Verification.refused(Verification.Outcome.ADDRESS_NOT_ALLOWED_FOR_TOKEN);
        }
        return Verification.accepted(grant);
    }

    /** Usernames are unique ignoring case, so they are compared ignoring case too. */
    private static boolean namesOwner(String username, TokenGrant grant) {
        var owner = grant.owner().username().key();
        var claimed = username.toLowerCase(Locale.ROOT);
        if (claimed.equals(owner)) {
            return true;
        }
        return username.regionMatches(true, 0, BOOMI_PREFIX, 0, BOOMI_PREFIX.length())
                && claimed.substring(BOOMI_PREFIX.length()).equals(owner);
    }
}
