package io.tokenkeeper.app.security;

import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.FeedSubscriber;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends browser sessions whose account changed under them: disabled, privileges added or removed, password reset.
 * A session remembers a fingerprint of those facts from its sign-in; each node learns the current fingerprint of an
 * account from the change feed (every node, within a second of the commit), and the next request of a session whose
 * fingerprint no longer matches finds itself signed out. An account not heard of since the feed connected is read
 * once; while the feed is not connected, on every signed-in request. A user who changes their own password keeps the session they did it in.
 */
@Component
class SessionGuard extends FeedSubscriber {

    private final UserStore users;
    private final DatabaseStatus database;
    private static final String GONE = "account gone";

    private final Map<Long, String> current = new ConcurrentHashMap<>();
    private volatile boolean listening;

    SessionGuard(TokenAndPolicyChangeFeed feed, UserStore users, DatabaseStatus database) {
        super(feed);
        this.users = users;
        this.database = database;
    }

    /**
     * What a session must still match: the account's switch, privileges and password (none for an account the
     * identity provider manages).
     */
    static String fingerprint(User user, @Nullable String passwordHash) {
        var facts = user.enabled() + "|"
                + user.privileges().stream().map(Privilege::name).sorted().toList() + "|"
                + (passwordHash == null ? "" : passwordHash);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The account's fingerprint as stored now; empty when it no longer exists. */
    Optional<String> read(UserId user) {
        return users.findById(user)
                .map(found -> fingerprint(found, users.passwordHash(user).orElse(null)));
    }

    /** This node changed the account and the session that did it stays valid with {@code fingerprint}. */
    void remember(UserId user, String fingerprint) {
        current.put(user.value(), fingerprint);
    }

    /**
     * Whether the session's account changed since its sign-in. An account this node has not heard of since the feed
     * (re)connected is read once; while the feed is down, on every request.
     */
    boolean isStale(SignedInUser principal) {
        var user = principal.userId();
        if (!listening) {
            return !read(user).map(principal.fingerprint()::equals).orElse(false);
        }
        var known = current.computeIfAbsent(user.value(), id -> read(user).orElse(GONE));
        return !known.equals(principal.fingerprint());
    }

    /**
     * The browser chain's filter: a stale session is ended and the request goes on signed out. {@code contexts} must
     * be the strategy the chain's other filters use (Vaadin provides its own).
     */
    OncePerRequestFilter filter(SecurityContextHolderStrategy contexts) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var authentication = contexts.getContext().getAuthentication();
                if (authentication != null
                        && authentication.getPrincipal() instanceof SignedInUser principal
                        && isStaleIfKnown(principal)) {
                    contexts.clearContext();
                    var session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * {@link #isStale} when the database can tell; while it cannot be reached the session goes on: nothing can change
     * (or be read) until it is back, and the page then says that the database is unavailable.
     */
    private boolean isStaleIfKnown(SignedInUser principal) {
        if (!database.isReachable()) {
            return false;
        }
        try {
            return isStale(principal);
        } catch (RuntimeException e) {
            if (!DatabaseStatus.isConnectionFailure(e)) {
                throw e;
            }
            database.unreachable(e);
            return false;
        }
    }

    @Override
    public void connected() {
        current.clear();
        listening = true;
    }

    @Override
    public void disconnected(@Nullable Exception cause) {
        listening = false;
    }

    @Override
    public void ownerChanged(UserId owner) {
        try {
            current.put(owner.value(), read(owner).orElse(GONE));
        } catch (RuntimeException e) {
            current.remove(owner.value());
        }
    }

    @Override
    public void anythingChanged() {
        current.clear();
    }
}
