package io.tokenkeeper.app.api.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.api.throttle.*}: a client address that fails to authenticate more than {@code failures} times
 * within {@code period} gets 429 until it slows down (counted in each node's memory).
 */
@ConfigurationProperties("tokenkeeper.api.throttle")
record ApiThrottleProperties(
        @DefaultValue("30") long failures,
        @DefaultValue("3m") Duration period) {}
