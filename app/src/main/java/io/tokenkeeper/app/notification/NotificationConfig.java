package io.tokenkeeper.app.notification;

import io.tokenkeeper.app.activity.Sweeper;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.notification.ExpiryReminders;
import io.tokenkeeper.domain.notification.Mailer;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.notification.NotificationStore;
import io.tokenkeeper.domain.notification.Notifier;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.persistence.notification.JooqNotificationStore;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Notifications: stored, mailed when a mail server is configured (in-app only otherwise), reminders on time. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class NotificationConfig {

    @Bean
    NotificationStore notificationStore(DSLContext dsl) {
        return new JooqNotificationStore(dsl);
    }

    /**
     * Mail through the server of {@code spring.mail.*} when {@code spring.mail.host} is set; without one, no mail and
     * no error. The sender is made here, when the application starts, instead of by Spring Boot's mail
     * auto-configuration (excluded in application.properties): that one depends on a condition on the host, which
     * Spring AOT would evaluate once when the jar is built and so never offer a sender to a configured server.
     */
    @Bean
    Mailer mailer(MailProperties mail, ObjectProvider<SslBundles> sslBundles, NotificationProperties settings) {
        if (!StringUtils.hasText(mail.getHost())) {
            return Mailer.NONE;
        }
        return new SpringMailer(SmtpServer.sender(mail, sslBundles::getObject), settings.mailFrom());
    }

    @Bean
    Notifier notifier(NotificationStore store, UserStore users, Mailer mailer, Clock clock) {
        return new Notifier(store, users, mailer, clock);
    }

    @Bean
    NotificationService notificationService(NotificationStore store, UserStore users, Clock clock) {
        return new NotificationService(store, users, clock);
    }

    @Bean
    ExpiryReminders expiryReminders(
            NotificationStore store,
            LifecyclePolicyService policy,
            Notifier notifier,
            Transactions transactions,
            Clock clock) {
        return new ExpiryReminders(store, policy, notifier, transactions, clock);
    }

    @Bean(destroyMethod = "close")
    Sweeper expiryReminderSweeper(ExpiryReminders reminders, NotificationProperties settings) {
        return new Sweeper("expiry-reminders", settings.sweep(), reminders::run);
    }
}
