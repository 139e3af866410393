package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.TokenShape;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last look at every problem the API's controllers answer: a detail, a property or an instance that repeats what
 * the client sent (an unknown field's name, a parameter that is not a number, a path) could repeat a token value
 * sent in the wrong place. Such a problem says so instead, and keeps nothing of the value. One place for every
 * message, present and future, rather than a check beside each one. It also names the type of every problem (Spring
 * leaves {@code about:blank} out), so that each one has the fields the OpenAPI document's Problem requires.
 */
@RestControllerAdvice(basePackageClasses = ProblemsWithoutTokens.class)
class ProblemsWithoutTokens implements ResponseBodyAdvice<Object> {

    /** RFC 9457's type of a problem that its status says all about; every problem names it, as the document says. */
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    static final String TOKEN_IN_REQUEST = "The request holds what looks like an API token value where no token"
            + " belongs. It may have been logged on its way here: revoke that token, create a new one, and send tokens"
            + " in the Authorization header only.";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            return withoutTokens(problem);
        }
        return body;
    }

    static ProblemDetail withoutTokens(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        if (problem.getDetail() != null && TokenShape.containedIn(problem.getDetail())) {
            problem.setDetail(TOKEN_IN_REQUEST);
        }
        URI instance = problem.getInstance();
        if (instance != null && TokenShape.containedIn(instance.toString())) {
            problem.setInstance(null);
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.replaceAll((name, value) ->
                    value != null && TokenShape.containedIn(value.toString()) ? "(a token value, not shown)" : value);
        }
        return problem;
    }
}
