package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.base.TokenShape;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem details (RFC 9457) that the API's security answers with before a controller is reached. Every
 * authentication failure gets the very same 401, whatever went wrong. The controllers' advice answers an unavailable
 * database with the same words.
 */
public final class ApiProblems {

    static final String REALM = "Tokenkeeper";
    static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    static final String UNAUTHORIZED = "Authenticate with an API token: send the header \"Authorization: Bearer"
            + " <token>\", or use HTTP Basic with your username and the token as the password.";
    static final String TOKEN_IN_URL = "Send the API token in the Authorization header only, never in the URL or a"
            + " form field. A token sent that way may have been logged on its way here: revoke it and create a new"
            + " one.";
    static final String TWO_CREDENTIALS = "Send exactly one credential: a single Authorization header.";
    public static final String UNAVAILABLE = "The service is temporarily unavailable. Try again in a few seconds.";
    static final String FORBIDDEN = "Your account does not have the privilege this request needs.";
    static final String ADDRESS_NOT_TRUSTED = "Calls from this address are not allowed.";
    public static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

    private final JsonMapper json = JsonMapper.builder().build();

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN);
    }

    /** A well-formed token from outside the policy's trusted IP ranges: says nothing about the token itself. */
    void addressNotTrusted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, ADDRESS_NOT_TRUSTED);
    }

    void badRequest(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, detail);
    }

    /** The name of the failed-authentication policy in the {@code RateLimit} fields. */
    static final String FAILED_AUTH_POLICY = "\"failed-auth\"";

    /**
     * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers) of a failed
     * authentication: the throttle's quota of failures in its window, and how many the client has left, with the
     * seconds until its allowance is whole again.
     */
    void failureAllowance(
            HttpServletResponse response,
            FailureThrottle throttle,
            long remaining,
            FailureThrottle.Allowance allowance) {
        response.setHeader(
                "RateLimit-Policy",
                FAILED_AUTH_POLICY + ";q=" + throttle.failures() + ";w=" + seconds(throttle.period()));
        response.setHeader(
                "RateLimit", FAILED_AUTH_POLICY + ";r=" + remaining + ";t=" + seconds(allowance.untilFull()));
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed authentications from your address. Try again in " + seconds
                        + (seconds == 1 ? " second." : " seconds."));
    }

    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(UNAVAILABLE_RETRY.toSeconds()));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!TokenShape.containedIn(request.getRequestURI())) {
            problem.put("instance", request.getRequestURI());
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
