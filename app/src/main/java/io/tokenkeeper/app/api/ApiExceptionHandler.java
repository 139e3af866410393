package io.tokenkeeper.app.api;

import io.tokenkeeper.app.api.auth.ApiProblems;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API's controllers as problem details: the domain's exceptions carry messages written for the
 * caller; everything else gets a generic message, and the log gets the exception's type, never a value.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseStatus database;

    ApiExceptionHandler(DatabaseStatus database) {
        this.database = database;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, e);
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail accessDenied(NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail otherRule(DomainException e) {
        return problem(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler({
        DataAccessException.class,
        TransactionException.class,
        org.jooq.exception.DataAccessException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (isDataException(e)) {
            // SQLSTATE class 22: a value the database cannot take or compare, e.g. a NUL character in a search.
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "A value in the request cannot be used (for example, it contains a NUL character)."));
        }
        if (!DatabaseStatus.isConnectionFailure(e)) {
            log.warn("An API request failed in the database ({})", e.getClass().getSimpleName());
            return ResponseEntity.internalServerError()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Try again later."));
        }
        database.unreachable(e);
        database.refused();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ApiProblems.UNAVAILABLE_RETRY.toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ApiProblems.UNAVAILABLE));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error(
                "An API request failed unexpectedly ({}); the stack trace is logged at DEBUG",
                e.getClass().getName());
        log.debug("The unexpected API failure", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Try again later.");
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: the strict readers' {@link InvalidInputException} names the
     * field; anything else says what the body must be, never what the parser saw.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return ResponseEntity.badRequest().body(invalidInput(invalid));
            }
        }
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "The body is not one JSON object. Send JSON, and nothing after it."));
    }

    private static boolean isDataException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, DomainException e) {
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
