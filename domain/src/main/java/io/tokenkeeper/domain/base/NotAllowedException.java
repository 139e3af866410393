package io.tokenkeeper.domain.base;

/** The acting user may not do this. */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String message) {
        super(message);
    }
}
