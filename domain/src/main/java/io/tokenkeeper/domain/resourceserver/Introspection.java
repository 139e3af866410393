package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.Verification;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a resource server learns about a token (RFC 7662): active, with the scopes it holds at that server, or simply
 * inactive — unknown, malformed, expired, disabled, revoked, frozen, an owner without API Access, used from outside
 * its allowed addresses, or holding no scope of this server all look the same.
 *
 * @param grant the token and its owner when active, otherwise {@code null}
 * @param scopes the token's scopes that this server defines; empty when inactive
 */
public record Introspection(@Nullable TokenGrant grant, Set<Scope> scopes) {

    public static final Introspection INACTIVE = new Introspection(null, Set.of());

    public Introspection {
        scopes = Set.copyOf(scopes);
    }

    /** The answer to {@code server} about a token whose verification (as for an API call) came out so. */
    public static Introspection of(ResourceServer server, Verification verification) {
        if (!server.enabled() || !verification.isAccepted()) {
            return INACTIVE;
        }
        var grant = verification.requireGrant();
        // A loop over the server's few scopes, not streams and sets: this runs on every introspection.
        var tokenScopes = grant.token().scopes();
        var defined = server.scopes();
        var held = new Scope[defined.size()];
        int count = 0;
        for (var definition : defined) {
            if (tokenScopes.contains(definition.scope()) && !contains(held, count, definition.scope())) {
                held[count++] = definition.scope();
            }
        }
        return count == 0 ? INACTIVE : new Introspection(grant, Set.of(Arrays.copyOf(held, count)));
    }

    private static boolean contains(Scope[] scopes, int count, Scope scope) {
        for (int at = 0; at < count; at++) {
            if (scopes[at].equals(scope)) {
                return true;
            }
        }
        return false;
    }

    public boolean isActive() {
        return grant != null;
    }

    /** Whether the token holds every one of {@code required} at this server. */
    public boolean allows(Set<Scope> required) {
        return isActive() && scopes.containsAll(required);
    }
}
