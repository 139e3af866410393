package io.tokenkeeper.app.api.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.api.cache.*}: how long a node trusts what it remembered about a token and about the token policy
 * (changes reach every node at once through the change feed; this is the bound if a notification is lost, and a token
 * in use is read again in the background after half of it), and how many tokens it remembers.
 */
@ConfigurationProperties("tokenkeeper.api.cache")
public record ApiCacheProperties(
        @DefaultValue("30s") Duration lifetime,
        @DefaultValue("10000") long size) {}
