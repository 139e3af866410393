package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the SCIM controllers as a SCIM error body: the domain's exceptions carry messages written for the
 * caller; everything else gets a generic message, and the log gets the exception's type, never a value.
 */
@RestControllerAdvice(basePackageClasses = ScimExceptionHandler.class)
class ScimExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<Map<String, Object>> scim(ScimException e) {
        return ScimErrors.response(e.status(), e.scimType(), String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalidInput(InvalidInputException e) {
        return ScimErrors.response(HttpStatus.BAD_REQUEST, "invalidValue", e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        var taken = String.valueOf(e.getMessage()).contains("already taken");
        return ScimErrors.response(HttpStatus.CONFLICT, taken ? "uniqueness" : null, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ScimErrors.response(HttpStatus.NOT_FOUND, null, e.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Map<String, Object>> notAllowed(NotAllowedException e) {
        return ScimErrors.response(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> otherRule(DomainException e) {
        return ScimErrors.response(HttpStatus.BAD_REQUEST, "invalidValue", e.getMessage());
    }

    @ExceptionHandler({
        DataAccessException.class,
        TransactionException.class,
        org.jooq.exception.DataAccessException.class
    })
    ResponseEntity<Map<String, Object>> databaseUnavailable(RuntimeException e) {
        log.warn(
                "A SCIM request failed: the database is unavailable ({})",
                e.getClass().getSimpleName());
        return ScimErrors.response(HttpStatus.SERVICE_UNAVAILABLE, null, ScimErrors.UNAVAILABLE);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
        log.error(
                "A SCIM request failed unexpectedly ({}); the stack trace is logged at DEBUG",
                e.getClass().getName());
        log.debug("The unexpected SCIM failure", e);
        return ScimErrors.response(
                HttpStatus.INTERNAL_SERVER_ERROR, null, "Something went wrong on our side. Try again later.");
    }

    /** Spring MVC's own refusals (unreadable JSON, wrong method or media type, bad parameter) in SCIM's words. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var scimType = e instanceof HttpMessageNotReadableException ? "invalidSyntax" : null;
        var detail = e instanceof HttpMessageNotReadableException
                ? "The body is not a JSON object SCIM can read."
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        var answer = new HttpHeaders();
        answer.addAll(headers);
        answer.setContentType(ScimErrors.SCIM_JSON);
        return new ResponseEntity<>(ScimErrors.body(status, scimType, detail), answer, status);
    }
}
