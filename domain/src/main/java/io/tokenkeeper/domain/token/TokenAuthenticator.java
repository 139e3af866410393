package io.tokenkeeper.domain.token;

import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a presented token value authenticates an API request. The format and checksum are checked first,
 * so a malformed value never costs a lookup; then the token and its owner must allow API access right now. With
 * HTTP Basic the username must name the owner, plainly or as {@code BOOMI_TOKEN.<username>}.
 */
public final class TokenAuthenticator {

    /** What Boomi puts before the username when the password is an API token. */
    public static final String BOOMI_PREFIX = "BOOMI_TOKEN.";

    private final TokenGrants grants;
    private final Clock clock;

    public TokenAuthenticator(TokenGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * @param presented the value as received; never logged or kept
     * @param username the HTTP Basic username, or {@code null} for a bearer token
     */
    public Verification verify(@Nullable CharSequence presented, @Nullable String username) {
        return verify(presented, username, grants);
    }

    /** Like {@link #verify(CharSequence, String)}, looking the token up in {@code lookup}, such as a cache only. */
    public Verification verify(@Nullable CharSequence presented, @Nullable String username, TokenGrants lookup) {
        var secret = TokenSecret.parse(presented);
        if (secret.isEmpty()) {
            return Verification.refused(Verification.Outcome.MALFORMED);
        }
        var found = lookup.findByDigest(secret.get().digest());
        if (found.isEmpty()) {
            return Verification.refused(Verification.Outcome.UNKNOWN);
        }
        var grant = found.get();
        if (!grant.token().isUsableAt(clock.instant())) {
            return Verification.refused(Verification.Outcome.TOKEN_NOT_USABLE);
        }
        if (!grant.ownerMayUseTheApi()) {
            return Verification.refused(Verification.Outcome.OWNER_NOT_ALLOWED);
        }
        if (username != null && !namesOwner(username, grant)) {
            return Verification.refused(Verification.Outcome.WRONG_USERNAME);
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
