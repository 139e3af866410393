package io.tokenkeeper.domain.notification;

/**
 * Sends mail when the operator configured a server; otherwise does nothing, without error. Implemented by the
 * application; sends after the calling transaction commits, off the caller's thread.
 */
@FunctionalInterface
public interface Mailer {

    Mailer NONE = (to, subject, body) -> {};

    void send(String to, String subject, String body);
}
