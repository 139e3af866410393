package io.tokenkeeper.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a redirect to this very server ({@code http://<Host>/login}, as Spring Security builds them from the request's
 * {@code Host} header) into a path ({@code /login}). The browser resolves it against the address it used, so a forged
 * {@code Host} header is never echoed back in a {@code Location} (cache poisoning, password-reset style link
 * injection). Redirects to other sites (an identity provider) are left alone.
 */
final class RelativeRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Response(request, response));
    }

    static String relativise(HttpServletRequest request, String location) {
        if (!(location.regionMatches(true, 0, "http://", 0, 7) || location.regionMatches(true, 0, "https://", 0, 8))) {
            return location;
        }
        try {
            var uri = new URI(location);
            int port = uri.getPort() < 0 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            if (uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || port != request.getServerPort()) {
                return location;
            }
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            var query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            var fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
            return path + query + fragment;
        } catch (URISyntaxException malformed) {
            return location;
        }
    }

    private static final class Response extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Response(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(relativise(request, location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(relativise(request, location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isLocation(name) && value != null ? relativise(request, value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isLocation(name) && value != null ? relativise(request, value) : value);
        }

        private static boolean isLocation(String name) {
            return "Location".equalsIgnoreCase(name);
        }
    }
}
