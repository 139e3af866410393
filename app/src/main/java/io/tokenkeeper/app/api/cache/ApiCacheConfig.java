package io.tokenkeeper.app.api.cache;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.tokenkeeper.app.activity.UsageRecorder;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.persistence.token.JooqTokenGrants;
import io.tokenkeeper.persistence.token.PostgresChangeFeed;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API remembers so that a warm request needs no query (token state and the token policy), how every node
 * keeps it honest (the change feed), and the background thread for the database work that no response waits for.
 */
@Configuration(proxyBeanMethods = false)
class ApiCacheConfig {

    @Bean
    CachedTokenGrants cachedTokenGrants(
            JooqTokenGrants grants,
            BackgroundWork background,
            ApiCacheProperties settings,
            KnownDigests known,
            DatabaseStatus database) {
        return new CachedTokenGrants(
                grants, settings.lifetime(), settings.size(), background, known::mayExist, database);
    }

    /** Hits and misses of the token cache: {@code cache.gets} with {@code cache=api-token-grants}. */
    @Bean
    MeterBinder cachedTokenGrantsMetrics(CachedTokenGrants grants) {
        return new CaffeineCacheMetrics<>(grants.cache(), "api-token-grants", List.of());
    }

    /** The trusted IP ranges are checked on every request: remembered as long as token state is. */
    @Bean
    CachedPolicy cachedPolicy(
            PolicyService policies, BackgroundWork background, ApiCacheProperties settings, DatabaseStatus database) {
        return new CachedPolicy(policies::current, settings.lifetime(), background, database);
    }

    /** Every node hears every committed change through PostgreSQL LISTEN/NOTIFY, on one connection it shares. */
    @Bean
    TokenAndPolicyChangeFeed tokenAndPolicyChangeFeed(DataSource dataSource) {
        return new SharedChangeFeed(new PostgresChangeFeed(dataSource));
    }

    /** Which token values exist, so that a throttled client's guesses cost no query and its real tokens still work. */
    @Bean
    KnownDigests knownDigests(JooqTokenGrants grants) {
        return new KnownDigests(grants);
    }

    @Bean
    CacheSubscription cacheSubscription(
            TokenAndPolicyChangeFeed feed, CachedTokenGrants grants, CachedPolicy policy, KnownDigests known) {
        return new CacheSubscription(feed, grants, policy, known);
    }

    @Bean
    BackgroundWork apiBackgroundWork(DatabaseStatus database) {
        return new BackgroundWork(database);
    }

    @Bean
    TokenUseRecorder tokenUseRecorder(
            TokenUsage usage,
            Clock clock,
            BackgroundWork background,
            TokenLifecycle lifecycle,
            UsageRecorder activity,
            CanaryTokens canaries) {
        return new TokenUseRecorder(
                usage, clock, background, new RotationHandover(lifecycle, clock, background), activity, canaries);
    }
}
