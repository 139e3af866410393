package io.tokenkeeper.app.resourceserver;

import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.resourceserver.RegisteredResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Resource servers and tokens for them, created through the real services; each with names of its own. */
@Component
public final class ResourceServerTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ResourceServerAdministration servers;
    private final TokenService tokens;
    private final UserTestData users;

    ResourceServerTestData(ResourceServerAdministration servers, TokenService tokens, UserTestData users) {
        this.servers = servers;
        this.tokens = tokens;
        this.users = users;
    }

    /** A new server with {@code <prefix>:read} and {@code <prefix>:write}; the returned secret is shown only here. */
    public Registered aServer() {
        var prefix = unique("orders");
        var registered = servers.register(
                administrator(),
                "Orders " + prefix,
                "https://" + prefix + ".example.com",
                "",
                List.of(
                        ScopeDefinition.of(prefix + ":read", "Read orders"),
                        ScopeDefinition.of(prefix + ":write", "Place orders")));
        return new Registered(registered, prefix);
    }

    /** {@code word} and a number no other call returned, for names and scope prefixes of a test's own. */
    public String unique(String word) {
        return word + SEQUENCE.incrementAndGet();
    }

    public GeneratedToken aToken(User owner, List<String> scopes, List<String> allowedAddresses) {
        return tokens.generate(
                new Actor(owner, null),
                new TokenRequest("token " + SEQUENCE.incrementAndGet(), null, scopes, allowedAddresses));
    }

    public Actor administrator() {
        return new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
    }

    /** A registered server and the prefix of its scope names. */
    public record Registered(RegisteredResourceServer registered, String prefix) {

        public String clientId() {
            return registered.server().clientId().value();
        }

        public String secret() {
            return registered.secret().reveal();
        }

        public String read() {
            return prefix + ":read";
        }

        public String write() {
            return prefix + ":write";
        }

        /** {@code Basic base64(client_id:secret)}. */
        public String basic() {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((clientId() + ":" + secret()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
