package io.tokenkeeper.app.base;

import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.token.QuotaPolicy;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.UserService;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.token.JooqTokenStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain's services to the persistence adapters. The only place the two meet. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    Transactions transactions(DSLContext dsl) {
        return new JooqTransactions(dsl);
    }

    @Bean
    UserStore userStore(DSLContext dsl) {
        return new JooqUserStore(dsl);
    }

    @Bean
    AuditLog auditLog(DSLContext dsl) {
        return new JooqAuditLog(dsl);
    }

    @Bean
    JooqTokenStore tokenStore(DSLContext dsl) {
        return new JooqTokenStore(dsl);
    }

    /** Every user may hold {@link TokenQuota#DEFAULT} tokens until administrators can change the quota. */
    @Bean
    QuotaPolicy quotaPolicy() {
        return owner -> TokenQuota.DEFAULT;
    }

    @Bean
    TokenService tokenService(
            TokenStore tokens,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            QuotaPolicy quotas) {
        return new TokenService(tokens, users, audit, transactions, clock, random, quotas);
    }

    @Bean
    UserService userService(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        return new UserService(users, passwords, audit, transactions, clock);
    }
}
