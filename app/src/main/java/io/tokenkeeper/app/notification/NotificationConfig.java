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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Notifications: stored, mailed when a mail server is configured (in-app only otherwise), reminders on time. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    @Bean
    NotificationStore notificationStore(DSLContext dsl) {
        return new JooqNotificationStore(dsl);
    }

    /** Spring Boot offers a mail sender only when {@code spring.mail.host} is set; without one, no mail and no error. */
    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> sender, NotificationProperties settings) {
        var configured = sender.getIfAvailable();
        return configured == null ? Mailer.NONE : new SpringMailer(configured, settings.mailFrom());
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
