package io.tokenkeeper.domain.base;

/**
 * A rule of the product was broken. The message is written for the person who caused it and is safe to
 * show in the UI or an API response: it never contains a secret.
 */
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message, null, false, false);
    }
}
