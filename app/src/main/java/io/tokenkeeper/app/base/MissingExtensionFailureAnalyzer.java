package io.tokenkeeper.app.base;

import io.tokenkeeper.persistence.base.MissingExtensionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing PostgreSQL extension into Spring Boot's "APPLICATION FAILED TO START" with what to run. */
final class MissingExtensionFailureAnalyzer extends AbstractFailureAnalyzer<MissingExtensionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingExtensionException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.remedy(), cause);
    }
}
