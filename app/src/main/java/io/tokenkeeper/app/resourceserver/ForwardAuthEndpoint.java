package io.tokenkeeper.app.resourceserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reverse-proxy authentication: nginx {@code auth_request}, Traefik {@code ForwardAuth}, Caddy {@code forward_auth}
 * and Envoy's HTTP {@code ext_authz} call {@code /auth/forward} (any method) with the client's {@code Authorization}
 * header as it came (Bearer, or Basic as the API accepts it). The proxy authenticates with its resource server's
 * credential in {@code X-Tokenkeeper-Client: Basic base64(client_id:client_secret)}, names the scopes the route needs
 * in {@code ?scope=} or {@code X-Tokenkeeper-Scope} (space-separated, all required) and the client's address in
 * {@code X-Forwarded-For} or {@code X-Real-IP}. Answers: {@code 200} with {@code X-Tokenkeeper-User},
 * {@code X-Tokenkeeper-Scopes} and {@code X-Tokenkeeper-Token-Id}; {@code 401} with {@code WWW-Authenticate};
 * {@code 403} for a missing scope; {@code 500} when the proxy's own credential is wrong (a configuration error, which
 * nginx would turn into 500 anyway); {@code 429} while the client is throttled for failures.
 */
@RestController
final class ForwardAuthEndpoint {

    static final String PATH = "/auth/forward";
    static final String CLIENT_HEADER = "X-Tokenkeeper-Client";
    static final String SCOPE_HEADER = "X-Tokenkeeper-Scope";

    private final ResourceServerGate gate;
    private final Cache<String, Set<Scope>> parsedScopes =
            Caffeine.newBuilder().maximumSize(1_000).build();

    ForwardAuthEndpoint(ResourceServerGate gate) {
        this.gate = gate;
    }

    @RequestMapping(PATH)
    ResponseEntity<String> check(HttpServletRequest request) {
        var caller = gate.authenticate(request.getHeader(CLIENT_HEADER), request.getRemoteAddr());
        if (caller instanceof ResourceServerGate.Throttled(var wait)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds() + 1)))
                    .body("Too many failed attempts.");
        }
        if (!(caller instanceof ResourceServerGate.Authenticated(var server))) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body("The reverse proxy's Tokenkeeper credential (" + CLIENT_HEADER + ") is missing or wrong.");
        }
        Set<Scope> required;
        try {
            required = requiredScopes(request);
        } catch (RuntimeException malformed) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body("The reverse proxy asks for a malformed scope.");
        }
        var clientAddress = clientAddress(request);
        var result = gate.judge(
                server, request.getHeader(HttpHeaders.AUTHORIZATION), clientAddress, request.getRemoteAddr());
        var realm = "Bearer realm=\"" + server.identifier().value() + "\"";
        if (!result.isActive()) {
            if (clientAddress != null) {
                var wait = gate.throttled(clientAddress);
                if (wait.isPresent()) {
                    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                            .header(
                                    HttpHeaders.RETRY_AFTER,
                                    Long.toString(Math.max(1, wait.get().toSeconds() + 1)))
                            .body("Too many failed attempts.");
                }
            }
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, realm)
                    .cacheControl(CacheControl.noStore())
                    .body("A valid Tokenkeeper token is required.");
        }
        if (!result.allows(required)) {
            var needed = required.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .header(
                            HttpHeaders.WWW_AUTHENTICATE,
                            realm + ", error=\"insufficient_scope\", scope=\"" + needed + "\"")
                    .cacheControl(CacheControl.noStore())
                    .body("This token lacks the scope " + needed + ".");
        }
        var grant = result.grant();
        return ResponseEntity.ok()
                .header("X-Tokenkeeper-User", grant.owner().username().value())
                .header("X-Tokenkeeper-Scopes", IntrospectionEndpoint.scopeText(result.scopes()))
                .header(
                        "X-Tokenkeeper-Token-Id",
                        Long.toString(grant.token().id().value()))
                .header(HttpHeaders.CACHE_CONTROL, IntrospectionEndpoint.NO_STORE)
                .body("");
    }

    /** The database is unreachable and memory did not have the answer (the proxy or the token was not warm). */
    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<String> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body("Tokenkeeper's database is unavailable; try again in a few seconds.");
    }

    /**
     * What a route asks for, parsed once per distinct ask: a proxy sends the same few on every request. A malformed one
     * throws and is not remembered.
     */
    private Set<Scope> requiredScopes(HttpServletRequest request) {
        var parameter = request.getParameter("scope");
        var header = request.getHeader(SCOPE_HEADER);
        if (parameter == null && header == null) {
            return Set.of();
        }
        return parsedScopes.get(
                (parameter == null ? "" : parameter) + "\n" + (header == null ? "" : header),
                asked -> parseScopes(parameter, header));
    }

    private static Set<Scope> parseScopes(@Nullable String parameter, @Nullable String header) {
        var required = new TreeSet<Scope>();
        for (var source : new String[] {parameter, header}) {
            if (source != null) {
                Arrays.stream(source.trim().split("\\s+"))
                        .filter(scope -> !scope.isEmpty())
                        .map(Scope::of)
                        .forEach(required::add);
            }
        }
        return Collections.unmodifiableSet(required);
    }

    /** The right-most X-Forwarded-For entry (the one the proxy itself added), or X-Real-IP. */
    private static @Nullable String clientAddress(HttpServletRequest request) {
        var forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            var hops = forwarded.split(",");
            var last = hops[hops.length - 1].strip();
            return IntrospectionEndpoint.isAddress(last) ? last : null;
        }
        var real = request.getHeader("X-Real-IP");
        return real != null && IntrospectionEndpoint.isAddress(real.strip()) ? real.strip() : null;
    }
}
