package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.app.api.cache.CachedTokenGrants;
import io.tokenkeeper.app.api.cache.TokenUseRecorder;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.Verification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authenticates an API request by the personal API token in its one {@code Authorization} header, Bearer or Basic.
 * A request without that header goes on unauthenticated (the chain then answers 401). Tokens anywhere else (query
 * string, form field) and two credentials at once are refused with 400; a well-formed token from outside the policy's
 * trusted IP ranges gets 403, whatever it is; every other failed authentication gets the same 401, or 429 once its
 * client has failed too often; both carry the client's remaining allowance of failures as IETF {@code RateLimit}
 * fields ({@link ApiProblems#failureAllowance}). The client is {@link HttpServletRequest#getRemoteAddr()}: the peer, or with
 * {@code TOKENKEEPER_TRUSTED_PROXIES} what a named proxy put in {@code X-Forwarded-For}. Nothing here
 * logs or keeps the value.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    /** Parameter names that clients and other products use for tokens; refused whatever their value. */
    private static final Set<String> TOKEN_PARAMETERS = Set.of(
            "access_token",
            "token",
            "api_token",
            "apitoken",
            "api_key",
            "apikey",
            "private_token",
            "auth_token",
            "bearer",
            "password");

    private static final int PATTERNS_KEPT = 256;
    private static final int METHODS_KEPT = 8;

    /** What can be answered from the authenticated token alone, without the database. */
    private static final Set<String> ANSWERED_FROM_MEMORY = Set.of("/api/v1/me");

    private final DatabaseStatus database;
    private final TokenAuthenticator authenticator;
    private final CachedTokenGrants grants;
    private final FailureThrottle throttle;
    private final TokenUseRecorder uses;
    private final ThrottleAuditor throttleAudit;
    private final ApiMetrics metrics;
    private final ApiProblems problems;
    private final SecurityContextHolderStrategy contexts;

    /** {@link #endpoint} by route pattern and method. */
    private final ConcurrentMap<Object, ConcurrentMap<String, String>> endpoints = new ConcurrentHashMap<>();

    TokenAuthenticationFilter(
            TokenAuthenticator authenticator,
            CachedTokenGrants grants,
            FailureThrottle throttle,
            TokenUseRecorder uses,
            ThrottleAuditor throttleAudit,
            ApiMetrics metrics,
            ApiProblems problems,
            SecurityContextHolderStrategy contexts,
            DatabaseStatus database) {
        this.database = database;
        this.authenticator = authenticator;
        this.grants = grants;
        this.throttle = throttle;
        this.uses = uses;
        this.throttleAudit = throttleAudit;
        this.metrics = metrics;
        this.problems = problems;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (offersATokenAsParameter(request)) {
            metrics.refusedRequest();
            problems.badRequest(request, response, ApiProblems.TOKEN_IN_URL);
            return;
        }
        var headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers == null || !headers.hasMoreElements()) {
            chain.doFilter(request, response);
            return;
        }
        var header = headers.nextElement();
        if (headers.hasMoreElements()) {
            metrics.refusedRequest();
            problems.badRequest(request, response, ApiProblems.TWO_CREDENTIALS);
            return;
        }
        var client = request.getRemoteAddr();
        var throttled = throttle.throttled(client);
        Verification verification;
        try {
            verification = verify(header, client, throttled.isPresent());
        } catch (DatabaseUnavailableException e) {
            problems.unavailable(request, response);
            return;
        } catch (DataAccessException | TransactionException | org.jooq.exception.DataAccessException e) {
            if (DatabaseStatus.isConnectionFailure(e)) {
                database.unreachable(e);
                database.refused();
            } else {
                log.warn("Could not verify an API token ({})", e.getClass().getSimpleName());
            }
            problems.unavailable(request, response);
            return;
        }
        metrics.outcome(verification.outcome());
        if (verification.outcome() == Verification.Outcome.ADDRESS_NOT_TRUSTED) {
            log.debug("Refused an API call from {}: outside the trusted IP ranges", client);
            problems.addressNotTrusted(request, response);
            return;
        }
        if (!verification.isAccepted()) {
            log.debug("Refused an API token from {}: {}", client, verification.outcome());
            if (verification.outcome() == Verification.Outcome.CANARY) {
                uses.canaryUsed(
                        verification.requireGrant(),
                        client,
                        request.getHeader(HttpHeaders.USER_AGENT),
                        request.getMethod() + " " + request.getRequestURI());
            }
            var allowance = throttle.count(client);
            var overLimit = allowance.overLimit().or(() -> throttled);
            problems.failureAllowance(response, throttle, overLimit.isPresent() ? 0 : allowance.remaining(), allowance);
            if (overLimit.isPresent()) {
                metrics.throttled();
                throttleAudit.throttled(client);
                problems.tooManyRequests(request, response, overLimit.get());
            } else {
                problems.unauthorized(request, response);
            }
            return;
        }
        if (!database.isReachable() && !ANSWERED_FROM_MEMORY.contains(request.getRequestURI())) {
            database.refused();
            problems.unavailable(request, response);
            return;
        }
        var caller = new ApiCaller(verification.requireGrant(), client);
        ExpiryHeader.add(response, caller.grant());
        var context = contexts.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(caller));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
            uses.used(
                    caller.grant(),
                    client,
                    request.getHeader(HttpHeaders.USER_AGENT),
                    endpoint(request),
                    ResourceIdentifier.TOKENKEEPER.value());
        }
    }

    /**
     * Method and route pattern of the handler that answered, such as {@code GET /api/v1/tokens/{id}}: the text is made
     * once per pair and kept, rather than once per request (the patterns are the handlers' own; a handler that takes
     * any method keeps at most {@value #METHODS_KEPT} of them, the rest are made each time).
     */
    private @Nullable String endpoint(HttpServletRequest request) {
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return null;
        }
        var method = request.getMethod();
        var methods = endpoints.get(pattern);
        if (methods == null) {
            if (endpoints.size() >= PATTERNS_KEPT) {
                return method + " " + pattern;
            }
            methods = endpoints.computeIfAbsent(pattern, any -> new ConcurrentHashMap<>(4));
        }
        var endpoint = methods.get(method);
        if (endpoint == null) {
            endpoint = method + " " + pattern;
            if (methods.size() < METHODS_KEPT) {
                methods.putIfAbsent(method, endpoint);
            }
        }
        return endpoint;
    }

    /**
     * A throttled client is served from the cache, and from the database only for a value that may be a real token:
     * its guesses cost no query, and an owner behind the same address is never refused.
     */
    private Verification verify(String header, String client, boolean cacheOnly) {
        var credential = PresentedCredential.parse(header);
        if (credential == null) {
            return authenticator.verify(null, null, client);
        }
        long start = System.nanoTime();
        try {
            return cacheOnly
                    ? authenticator.verify(
                            credential.value(), credential.username(), client, grants::findForThrottledClient)
                    : authenticator.verify(credential.value(), credential.username(), client);
        } finally {
            metrics.verified(start);
        }
    }

    /**
     * A parameter named like a token, or any parameter (query string or form field) whose value is a token. A request
     * with neither a query string nor a body type has no parameter: it is not parsed for them, which is most of what a
     * warm request would spend here.
     */
    private static boolean offersATokenAsParameter(HttpServletRequest request) {
        if (request.getQueryString() == null && request.getContentType() == null) {
            return false;
        }
        for (var parameter : request.getParameterMap().entrySet()) {
            if (TOKEN_PARAMETERS.contains(parameter.getKey().toLowerCase(Locale.ROOT))) {
                return true;
            }
            for (var value : parameter.getValue()) {
                if (value != null && value.contains(TokenSecret.PREFIX) && containsAToken(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAToken(String value) {
        for (int at = value.indexOf(TokenSecret.PREFIX); at >= 0; at = value.indexOf(TokenSecret.PREFIX, at + 1)) {
            int end = at + TokenSecret.LENGTH;
            if (end <= value.length()
                    && TokenSecret.parse(value.subSequence(at, end)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
