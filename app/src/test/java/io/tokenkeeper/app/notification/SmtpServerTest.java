package io.tokenkeeper.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;

/** The sender takes spring.mail.* as Spring Boot's own would (NotificationMailTest sends through host and port). */
class SmtpServerTest {

    @Test
    void every_spring_mail_setting_reaches_the_sender() {
        var mail = new MailProperties();
        mail.setHost("smtp.example.com");
        mail.setPort(465);
        mail.setUsername("tokenkeeper");
        mail.setPassword("mail-password");
        mail.setProtocol("smtps");
        mail.setDefaultEncoding(StandardCharsets.ISO_8859_1);
        mail.getProperties().put("mail.smtps.timeout", "5000");
        mail.getSsl().setEnabled(true);
        mail.getSsl().setVerifyHostname(false);

        var sender = SmtpServer.sender(mail, () -> {
            throw new AssertionError("no SSL bundle was named");
        });

        assertThat(sender.getHost()).isEqualTo("smtp.example.com");
        assertThat(sender.getPort()).isEqualTo(465);
        assertThat(sender.getUsername()).isEqualTo("tokenkeeper");
        assertThat(sender.getPassword()).isEqualTo("mail-password");
        assertThat(sender.getProtocol()).isEqualTo("smtps");
        assertThat(sender.getDefaultEncoding()).isEqualTo("ISO-8859-1");
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtps.timeout", "5000")
                .containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "false");
    }

    @Test
    void without_ssl_settings_the_sender_gets_no_ssl_properties_and_the_default_port() {
        var mail = new MailProperties();
        mail.setHost("127.0.0.1");

        var sender = SmtpServer.sender(mail, () -> {
            throw new AssertionError("no SSL bundle was named");
        });

        assertThat(sender.getPort()).isEqualTo(-1);
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getJavaMailProperties()).isEmpty();
    }
}
