package io.tokenkeeper.app.api;

import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Callers of the API and their tokens, created through the real services. */
@Component
final class ApiTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserTestData users;
    private final TokenService tokens;
    private final PolicyService policies;

    ApiTestData(UserTestData users, TokenService tokens, PolicyService policies) {
        this.users = users;
        this.tokens = tokens;
        this.policies = policies;
    }

    /** A user with API Access and one fresh token of theirs. */
    Caller aCaller() {
        return aCallerWith(Set.of(Privilege.API_ACCESS));
    }

    Caller anAdministrator() {
        return aCallerWith(Set.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR));
    }

    Caller aCallerWith(Set<Privilege> privileges) {
        var user = users.aUser(privileges);
        return new Caller(user, aTokenFor(user, null));
    }

    GeneratedToken aTokenFor(User user, @Nullable Instant expiresAt) {
        return tokens.generate(new Actor(user, "192.0.2.1"), "Token " + SEQUENCE.incrementAndGet(), expiresAt);
    }

    /**
     * Makes the API accept calls only from these addresses or ranges (none: from anywhere), as an administrator does
     * under Administration › Policy, keeping the default quota and lifetime. Nodes hear of it within a second.
     */
    void trustOnly(String... ranges) {
        var admin = new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        var defaults = TokenPolicy.DEFAULT;
        policies.update(admin, defaults.quota().max(), defaults.maxLifetimeDays(), List.of(ranges));
    }

    /** Makes new tokens live at most {@code days} days (none: no limit), as an administrator does under Policy. */
    void maxLifetime(@Nullable Integer days) {
        var admin = new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        policies.update(admin, TokenPolicy.DEFAULT.quota().max(), days, List.of());
    }

    GeneratedToken aTokenWith(User user, TokenRequest request) {
        return tokens.generate(new Actor(user, "192.0.2.1"), request);
    }

    static String bearer(GeneratedToken token) {
        return "Bearer " + token.secret().reveal();
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A user and a token of theirs. */
    record Caller(User user, GeneratedToken token) {

        String bearer() {
            return ApiTestData.bearer(token);
        }

        String value() {
            return token.secret().reveal();
        }

        String username() {
            return user.username().value();
        }

        long tokenId() {
            return token.token().id().value();
        }
    }
}
