package io.tokenkeeper.app.activity;

import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.activity.ActivityStore;
import io.tokenkeeper.domain.activity.UnusedTokens;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.persistence.activity.JooqActivityStore;
import io.tokenkeeper.persistence.activity.JooqUnusedTokenStore;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.policy.JooqLifecyclePolicyStore;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tokens' activity: how uses are recorded and who may see them. */
@Configuration(proxyBeanMethods = false)
class ActivityConfig {

    @Bean
    ActivityStore activityStore(DSLContext dsl) {
        return new JooqActivityStore(dsl);
    }

    @Bean(destroyMethod = "close")
    UsageRecorder usageRecorder(ActivityStore store, Clock clock, ActivityProperties settings) {
        return new UsageRecorder(store, clock, settings.flush(), settings.maxTokens());
    }

    @Bean
    LifecyclePolicyService lifecyclePolicyService(
            DSLContext dsl, UserStore users, AuditLog audit, Transactions transactions, Clock clock) {
        return new LifecyclePolicyService(new JooqLifecyclePolicyStore(dsl, clock), users, audit, transactions, clock);
    }

    @Bean
    UnusedTokens unusedTokens(
            DSLContext dsl,
            LifecyclePolicyService policy,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            TokenChanges changes) {
        return new UnusedTokens(new JooqUnusedTokenStore(dsl), policy, audit, transactions, clock, changes);
    }

    @Bean(destroyMethod = "close")
    Sweeper unusedTokenSweeper(UnusedTokens unused, ActivityProperties settings) {
        return new Sweeper("unused-token-sweep", settings.sweep(), unused::disableUnused);
    }

    @Bean
    ActivityService activityService(
            ActivityStore store, TokenStore tokens, UserStore users, DSLContext dsl, Clock clock) {
        var audit = new JooqAuditLog(dsl);
        return new ActivityService(store, tokens, users, (token, limit) -> audit.ofToken(token.value(), limit), clock);
    }
}
