package io.tokenkeeper.domain.base;

/** The acting user may not do this. */
public final class AccessDeniedException extends DomainException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
