package io.tokenkeeper.bench.load;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The unauthenticated twin of {@code GET /api/v1/me}: the very same request, security chain and handler, answered for
 * the benchmark's token without verifying a token, so that the benchmark measures what authentication costs and
 * nothing else. Two servlet filters around the application's security filter, for {@code /api/v1/me} only:
 *
 * <ul>
 *   <li>after it, a request that authenticated with a token and carries {@value #HEADER}{@code : capture} leaves the
 *       twin the security context that the API's chain built for it;
 *   <li>before it, a request with {@value #HEADER}{@code : twin} and no {@code Authorization} header gets that
 *       context as the one the API's chain keeps for the request (a request attribute): the chain then has no token
 *       to verify, and the handler answers as it did for the captured request. Before a capture it gets a 401.
 * </ul>
 */
final class UnauthenticatedTwin {

    static final String PATH = "/api/v1/me";
    static final String HEADER = "X-Tokenkeeper-Bench";

    private final SecurityContextHolderStrategy contexts;
    private volatile @Nullable SecurityContext captured;

    UnauthenticatedTwin(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    Filter beforeSecurity() {
        return (request, response, chain) -> {
            var http = (HttpServletRequest) request;
            var context = captured;
            if (context != null
                    && "twin".equals(http.getHeader(HEADER))
                    && http.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                http.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME, context);
            }
            chain.doFilter(request, response);
        };
    }

    Filter afterSecurity() {
        return (request, response, chain) -> {
            if ("capture".equals(((HttpServletRequest) request).getHeader(HEADER))) {
                var authentication = contexts.getContext().getAuthentication();
                if (authentication != null && authentication.isAuthenticated()) {
                    var context = contexts.createEmptyContext();
                    context.setAuthentication(authentication);
                    captured = context;
                }
            }
            chain.doFilter(request, response);
        };
    }
}
