package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any request under {@code /api} that no endpoint took: a problem rather than the browser UI's page. Which problem
 * depends on why no endpoint took it — the path exists but not for this method (405 with {@code Allow}), the method
 * exists but not for this body's type (415) or for the types the client accepts (406), or the path does not exist
 * (404).
 */
@RestController
class ApiFallbackController {

    private final RequestMappingHandlerMapping endpoints;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints) {
        this.endpoints = endpoints;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> noEndpoint(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        boolean methodMatches = false;
        boolean bodyTypeMatches = false;
        for (var mapping : endpoints.getHandlerMethods().entrySet()) {
            var info = mapping.getKey();
            if (mapping.getValue().getBeanType() == ApiFallbackController.class
                    || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            var methods = info.getMethodsCondition().getMethods();
            methods.forEach(method -> allowed.add(method.name()));
            if (!methods.isEmpty()
                    && methods.stream().noneMatch(method -> method.name().equals(request.getMethod()))) {
                continue;
            }
            methodMatches = true;
            if (info.getConsumesCondition().getMatchingCondition(request) != null) {
                bodyTypeMatches = true;
            }
        }
        if (!allowed.isEmpty() && !methodMatches) {
            if (allowed.contains(RequestMethod.GET.name())) {
                allowed.add(RequestMethod.HEAD.name());
            }
            return problem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "This endpoint does not answer " + request.getMethod() + ". It answers "
                            + String.join(", ", allowed) + ".",
                    String.join(", ", allowed));
        }
        if (methodMatches && !bodyTypeMatches) {
            return problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON (Content-Type: application/json).", null);
        }
        if (methodMatches) {
            return problem(
                    HttpStatus.NOT_ACCEPTABLE,
                    "This endpoint answers JSON only (Accept: application/json, or leave Accept out).",
                    null);
        }
        throw new NotFoundException("There is no such API endpoint. The API's endpoints are under /api/v1.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, @Nullable String allow) {
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
