package io.tokenkeeper.app.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.notifications.*}: how often each node looks for reminders that are due ({@code sweep}), and the
 * sender address of notification mail ({@code mail-from}).
 */
@ConfigurationProperties("tokenkeeper.notifications")
public record NotificationProperties(
        @DefaultValue("1m") Duration sweep,
        @DefaultValue("tokenkeeper@localhost") String mailFrom) {}
