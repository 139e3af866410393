package io.tokenkeeper.domain.base;

/** The request clashes with the current state (a limit reached, a name already used). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
