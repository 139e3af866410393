package io.tokenkeeper.app.activity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.activity.*}: how often each node writes the token uses it summed in memory ({@code flush}; at
 * most one write per token per flush), and how many distinct tokens it sums at most between flushes (uses of further
 * tokens are not counted until the next flush), and how often the policy "Disable tokens unused for N days" is
 * applied ({@code sweep}).
 */
@ConfigurationProperties("tokenkeeper.activity")
public record ActivityProperties(
        @DefaultValue("10s") Duration flush,
        @DefaultValue("100000") int maxTokens,
        @DefaultValue("5m") Duration sweep) {}
