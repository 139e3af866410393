package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.base.TokenShape;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at a request to the API, before Spring Security's firewall and the browser's chain could turn an odd
 * URL into a redirect to the sign-in page or an HTML error: a path with an encoded slash or backslash, a dot segment,
 * a {@code ;} parameter, an encoded percent sign or broken percent-encoding, and a token in the path, each get a
 * {@code 400} problem; {@code TRACE} a {@code 405}. The URL is never echoed: it may hold a token. What passes is
 * answered whole, with a {@code Content-Length} ({@link WholeAnswers}).
 */
final class ApiRequestGuard extends OncePerRequestFilter {

    static final String ODD_PATH = "This is not a valid API path: it contains an encoded slash, backslash or percent"
            + " sign, a dot segment, a ';' or broken %-encoding. Send the path as the API documents it.";
    static final String BROKEN_QUERY =
            "The query string has broken %-encoding: every % must start a %XX escape of two hexadecimal digits.";
    static final String TOKEN_IN_PATH = "There is an API token in the URL. URLs end up in logs and browser history:"
            + " revoke this token, create a new one, and send tokens in the Authorization header only.";

    private final ApiProblems problems;

    ApiRequestGuard(ApiProblems problems) {
        this.problems = problems;
    }

    /** Also the error page of a request to the API that Tomcat refused itself (TRACE, for one). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            var failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            if (failed instanceof String path && isApi(path) && status instanceof Integer code) {
                var httpStatus = HttpStatus.resolve(code);
                problems.write(
                        request,
                        response,
                        httpStatus == null ? HttpStatus.BAD_REQUEST : httpStatus,
                        code == 405
                                ? "The API does not answer " + request.getMethod() + "."
                                : "The API refused this request.");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        var refusal = refusal(request.getRequestURI(), request.getQueryString());
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE");
            problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "The API does not answer TRACE.");
            return;
        }
        if (refusal != null) {
            problems.badRequest(request, response, refusal);
            return;
        }
        chain.doFilter(request, new WholeAnswers(response));
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/oauth2/") || path.startsWith("/auth/");
    }

    /** Why the raw (still encoded) path and query are refused, or {@code null} when they are fine. */
    static @Nullable String refusal(String rawPath, @Nullable String rawQuery) {
        if (TokenShape.containedIn(rawPath)) {
            return TOKEN_IN_PATH;
        }
        var path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains(";")
                || path.contains("%2f")
                || path.contains("%5c")
                || path.contains("%25")
                || path.contains("%2e")
                || path.contains("\\")
                || path.contains("//")
                || path.contains("/./")
                || path.contains("/../")
                || path.endsWith("/.")
                || path.endsWith("/..")
                || !wellEncoded(path)) {
            return ODD_PATH;
        }
        if (rawQuery != null && !wellEncoded(rawQuery)) {
            return BROKEN_QUERY;
        }
        return null;
    }

    private static boolean wellEncoded(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%'
                    && (i + 2 >= text.length()
                            || Character.digit(text.charAt(i + 1), 16) < 0
                            || Character.digit(text.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }
}
