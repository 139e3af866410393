package io.tokenkeeper.app.notification;

import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender for the SMTP server of {@code spring.mail.*}, with the settings Spring Boot's own sender takes: host,
 * port, user, password, protocol, encoding, {@code spring.mail.properties.*} and {@code spring.mail.ssl.*}.
 */
final class SmtpServer {

    private SmtpServer() {}

    static JavaMailSenderImpl sender(MailProperties mail, Supplier<SslBundles> sslBundles) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        var properties = new Properties();
        properties.putAll(mail.getProperties());
        var ssl = mail.getSsl();
        if (ssl.isEnabled()) {
            properties.setProperty("mail." + mail.getProtocol() + ".ssl.enable", "true");
            properties.setProperty(
                    "mail." + mail.getProtocol() + ".ssl.checkserveridentity", String.valueOf(ssl.isVerifyHostname()));
        }
        if (ssl.getBundle() != null) {
            var context = sslBundles.get().getBundle(ssl.getBundle()).createSslContext();
            properties.put("mail." + mail.getProtocol() + ".ssl.socketFactory", context.getSocketFactory());
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
