package io.tokenkeeper.domain.base;

/** A value a person typed breaks a rule; {@link #field()} names the input it belongs to. */
public final class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
