package io.tokenkeeper.app.api;

import io.tokenkeeper.app.api.auth.ApiProblems;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        if (DatabaseStatus.isConnectionFailure(e)) {
            database.unreachable(e);
            database.refused();
        } else {
            log.warn("An API request failed in the database ({})", e.getClass().getSimpleName());
        }
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

    private static ProblemDetail problem(HttpStatus status, DomainException e) {
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
