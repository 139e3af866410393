package io.tokenkeeper.domain.base;

/** The thing does not exist, or the acting user may not know that it exists. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
