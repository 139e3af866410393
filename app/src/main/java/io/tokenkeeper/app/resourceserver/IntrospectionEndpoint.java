package io.tokenkeeper.app.resourceserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7662 token introspection for registered resource servers: {@code POST /oauth2/introspect} with the form field
 * {@code token} (and optionally {@code token_type_hint}, which changes nothing, and {@code client_ip}, the end
 * client's address), the caller authenticated by HTTP Basic with its client id and secret. An active token comes
 * back with only the scopes it holds at the calling server; every other case is {@code {"active":false}}.
 */
@RestController
final class IntrospectionEndpoint {

    static final String PATH = "/oauth2/introspect";

    /**
     * {@code Cache-Control} of every answer about a token, as a constant: {@code CacheControl.noStore()} builds the
     * header's text again for each answer (7 of the handler's 95 samples in a profile of the load benchmark).
     */
    static final String NO_STORE = "no-store";

    private final ResourceServerGate gate;
    private final Counter active;
    private final Counter inactive;

    IntrospectionEndpoint(ResourceServerGate gate, MeterRegistry metrics) {
        this.gate = gate;
        this.active = answers(metrics, true);
        this.inactive = answers(metrics, false);
    }

    private static Counter answers(MeterRegistry metrics, boolean active) {
        return Counter.builder("tokenkeeper.introspections")
                .description("Introspection answers to authenticated resource servers, by whether the token was active")
                .tag("active", Boolean.toString(active))
                .register(metrics);
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> introspect(HttpServletRequest request) {
        if (request.getQueryString() != null && request.getQueryString().contains("token")) {
            return error(
                    HttpStatus.BAD_REQUEST, "invalid_request", "Send the token in the form body, never in the URL.");
        }
        var caller = gate.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr());
        if (caller instanceof ResourceServerGate.Throttled(var wait)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds() + 1)))
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("error", "slow_down", "error_description", "Too many failed attempts."));
        }
        if (!(caller instanceof ResourceServerGate.Authenticated(var server))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tokenkeeper introspection\"")
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of(
                            "error",
                            "invalid_client",
                            "error_description",
                            "Authenticate with the resource server's client id and secret (HTTP Basic)."));
        }
        var token = request.getParameter("token");
        if (token == null || token.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "The form field token is missing.");
        }
        var clientIp = request.getParameter("client_ip");
        if (clientIp != null && !isAddress(clientIp)) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "client_ip is not an IP address.");
        }
        var result = gate.judge(server, "Bearer " + token, clientIp, request.getRemoteAddr());
        if (!result.isActive()) {
            inactive.increment();
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .body(Answer.INACTIVE);
        }
        active.increment();
        var grant = result.grant();
        var username = grant.owner().username().value();
        var expires = grant.token().expiresAt();
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .body(new Answer(
                        true,
                        scopeText(result.scopes()),
                        server.clientId() == null ? "" : server.clientId().value(),
                        username,
                        "Bearer",
                        expires == null ? null : expires.getEpochSecond(),
                        grant.token().createdAt().getEpochSecond(),
                        username,
                        server.identifier().value(),
                        issuer(request),
                        Long.toString(grant.token().id().value())));
    }

    /**
     * RFC 7662's answer, in its order: for an inactive token {@code {"active":false}} and nothing else. A record, not a
     * map: it is written on every introspection.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(
            boolean active,
            @Nullable String scope,
            @JsonProperty("client_id") @Nullable String clientId,
            @Nullable String username,
            @JsonProperty("token_type") @Nullable String tokenType,
            @Nullable Long exp,
            @Nullable Long iat,
            @Nullable String sub,
            @Nullable String aud,
            @Nullable String iss,
            @JsonProperty("token_id") @Nullable String tokenId) {

        static final Answer INACTIVE = new Answer(false, null, null, null, null, null, null, null, null, null, null);
    }

    /** The database is unreachable and memory did not have the answer (the caller or the token was not warm). */
    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .cacheControl(CacheControl.noStore())
                .body(Map.of("error", "temporarily_unavailable", "error_description", "Try again in a few seconds."));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("error", error, "error_description", description));
    }

    static boolean isAddress(String text) {
        try {
            return !text.contains("/") && IpRange.parse("client_ip", text) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** RFC 7662's {@code scope}: the names, sorted, separated by spaces. A loop: this runs on every introspection. */
    static String scopeText(Set<Scope> scopes) {
        var names = new String[scopes.size()];
        int at = 0;
        for (var scope : scopes) {
            names[at++] = scope.value();
        }
        Arrays.sort(names);
        return String.join(" ", names);
    }

    /** This Tokenkeeper as its callers reach it. */
    private static String issuer(HttpServletRequest request) {
        var scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
