package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.ui.policy.ProxySetup;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the reverse proxies
 * an operator named ({@code TOKENKEEPER_TRUSTED_PROXIES}); from any other peer they are ignored, so that something
 * that reaches the port without the proxy (another container, a pod) cannot pick its own address for the trusted IP
 * ranges, the throttles or the audit trail. The client is the right-most address in {@code X-Forwarded-For} that is
 * not itself a trusted proxy.
 */
final class TrustedProxies extends OncePerRequestFilter implements ProxySetup {

    private final List<IpRange> proxies;

    TrustedProxies(List<IpRange> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    static TrustedProxies parse(List<String> entries) {
        var ranges = new ArrayList<IpRange>();
        for (var entry : entries) {
            for (var part : entry.split(",")) {
                if (!part.isBlank()) {
                    ranges.add(IpRange.parse("TOKENKEEPER_TRUSTED_PROXIES", part));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    List<IpRange> ranges() {
        return proxies;
    }

    @Override
    public Optional<String> broadlyTrustedProxies() {
        var broad =
                proxies.stream().filter(IpRange::isBroad).map(IpRange::toString).toList();
        return broad.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", broad));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return proxies.isEmpty() || !isTrusted(request.getRemoteAddr());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Forwarded(request, clientOf(request)), response);
    }

    private String clientOf(HttpServletRequest request) {
        var hops = new ArrayList<String>();
        for (var header : java.util.Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (var hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = hops.get(i);
            if (!isAddress(hop)) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }

    private static boolean isAddress(String text) {
        try {
            IpRange.parse("address", text);
            return !text.contains("/");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The request as the client sent it to the proxy. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final @Nullable String scheme;
        private final @Nullable String host;
        private final int port;

        Forwarded(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
            var proto = first(request.getHeader("X-Forwarded-Proto"));
            this.scheme = "https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)
                    ? proto.toLowerCase(Locale.ROOT)
                    : null;
            var forwardedHost = first(request.getHeader("X-Forwarded-Host"));
            this.host = forwardedHost == null ? null : forwardedHost.replaceFirst(":\\d+$", "");
            this.port = portOf(request, forwardedHost, scheme);
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme != null ? scheme : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return scheme != null ? scheme.equals("https") : super.isSecure();
        }

        @Override
        public String getServerName() {
            return host != null ? host : super.getServerName();
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            var url = new StringBuffer(getScheme()).append("://").append(getServerName());
            boolean defaultPort =
                    (getScheme().equals("http") && port == 80) || (getScheme().equals("https") && port == 443);
            if (!defaultPort) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }

        private static int portOf(HttpServletRequest request, @Nullable String forwardedHost, @Nullable String scheme) {
            var forwardedPort = first(request.getHeader("X-Forwarded-Port"));
            if (forwardedPort != null && forwardedPort.matches("\\d{1,5}")) {
                return Integer.parseInt(forwardedPort);
            }
            if (forwardedHost != null && forwardedHost.matches(".*:\\d{1,5}$")) {
                return Integer.parseInt(forwardedHost.substring(forwardedHost.lastIndexOf(':') + 1));
            }
            if (scheme != null) {
                return scheme.equals("https") ? 443 : 80;
            }
            return request.getServerPort();
        }

        private static @Nullable String first(@Nullable String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            int comma = header.indexOf(',');
            return (comma < 0 ? header : header.substring(0, comma)).strip();
        }
    }
}
