package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.provisioning.ProvisioningToken;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a SCIM request by the provisioning token in its one {@code Authorization: Bearer} header. Without one
 * the request goes on unauthenticated (the chain answers 401); a value that is not a working provisioning token gets
 * the same 401 at once. Nothing here logs or keeps the value.
 */
final class ProvisioningTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final ProvisioningTokens tokens;
    private final SecurityContextHolderStrategy contexts;

    ProvisioningTokenFilter(ProvisioningTokens tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var header = headers.getFirst();
        var presented = headers.size() == 1 && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
        Optional<ProvisioningToken> token;
        try {
            token = tokens.authenticate(presented);
        } catch (DataAccessException | TransactionException | org.jooq.exception.DataAccessException e) {
            log.warn(
                    "Could not check a provisioning token: the database is unavailable ({})",
                    e.getClass().getSimpleName());
            ScimErrors.write(response, HttpStatus.SERVICE_UNAVAILABLE, ScimErrors.UNAVAILABLE);
            return;
        }
        if (token.isEmpty()) {
            log.debug("Refused a SCIM request from {}: no working provisioning token", request.getRemoteAddr());
            ScimErrors.write(response, HttpStatus.UNAUTHORIZED, ScimErrors.UNAUTHORIZED);
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(new ProvisioningAuthentication(token.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
