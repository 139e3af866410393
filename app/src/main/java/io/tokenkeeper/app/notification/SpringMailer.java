package io.tokenkeeper.app.notification;

import io.tokenkeeper.domain.notification.Mailer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail through the server of {@code spring.mail.*}: sent after the transaction that notified commits (never for one
 * that rolls back), on a thread of its own, so no request waits for SMTP. A failure is logged with its type only.
 */
final class SpringMailer implements Mailer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpringMailer.class);

    private final JavaMailSender sender;
    private final String from;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("notification-mail").daemon().factory());

    SpringMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        Runnable send = () -> executor.execute(() -> {
            try {
                sender.send(message);
            } catch (RuntimeException e) {
                log.warn("Could not send a notification mail ({})", e.getClass().getSimpleName());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
