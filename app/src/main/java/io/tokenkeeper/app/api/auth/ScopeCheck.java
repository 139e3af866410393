package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.scope.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tokenkeeper's own API enforces its two scopes: reading ({@code GET}, {@code HEAD}, {@code OPTIONS}) takes
 * {@code tokenkeeper:read}, everything else {@code tokenkeeper:write}. Runs after the token authenticated the request;
 * a token without the scope gets a 403 problem that says which one it lacks. A token acting on itself needs neither.
 */
final class ScopeCheck extends OncePerRequestFilter {

    static final String READ_ONLY = "This token may only read.";
    static final String NO_READ = "This token may not read through Tokenkeeper's API (it lacks tokenkeeper:read).";
    static final String NO_WRITE =
            "This token may not change anything through Tokenkeeper's API (it lacks" + " tokenkeeper:write).";

    static final String SELF = "/api/v1/tokens/self";

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityContextHolderStrategy contexts;
    private final ApiProblems problems;

    ScopeCheck(SecurityContextHolderStrategy contexts, ApiProblems problems) {
        this.contexts = contexts;
        this.problems = problems;
    }

    /** The scope a request with {@code method} needs. */
    static Scope required(String method) {
        return READING.contains(method) ? Scope.TOKENKEEPER_READ : Scope.TOKENKEEPER_WRITE;
    }

    /**
     * A token may always read, regenerate, extend and revoke itself ({@value #SELF} and below), whatever its scopes:
     * a pipeline renews its own secret without a more powerful token.
     */
    static boolean concernsItself(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(SELF) || path.startsWith(SELF + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication instanceof TokenAuthentication token && !concernsItself(request)) {
            var needed = required(request.getMethod());
            var held = token.getPrincipal().grant().token();
            if (!held.holds(needed)) {
                String detail;
                if (needed.equals(Scope.TOKENKEEPER_READ)) {
                    detail = NO_READ;
                } else {
                    detail = held.holds(Scope.TOKENKEEPER_READ) ? READ_ONLY : NO_WRITE;
                }
                problems.write(request, response, HttpStatus.FORBIDDEN, detail);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
