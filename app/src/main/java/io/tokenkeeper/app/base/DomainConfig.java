package io.tokenkeeper.app.base;

import io.tokenkeeper.domain.account.AccountService;
import io.tokenkeeper.domain.account.FirstAdministrator;
import io.tokenkeeper.domain.account.ProvisionedAccounts;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.audit.AuditService;
import io.tokenkeeper.domain.audit.SignInAudit;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.identity.IdentityLinks;
import io.tokenkeeper.domain.notification.AuditedNotifications;
import io.tokenkeeper.domain.notification.Notifier;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.PolicyStore;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.resourceserver.ResourceServerChanges;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.LifetimePolicy;
import io.tokenkeeper.domain.token.QuotaPolicy;
import io.tokenkeeper.domain.token.ScopeCatalogue;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenDirectory;
import io.tokenkeeper.domain.token.TokenFreezes;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.identity.JooqIdentityLinks;
import io.tokenkeeper.persistence.policy.JooqPolicyStore;
import io.tokenkeeper.persistence.provisioning.JooqProvisioningTokenStore;
import io.tokenkeeper.persistence.resourceserver.JooqResourceServerStore;
import io.tokenkeeper.persistence.resourceserver.JooqScopeCatalogue;
import io.tokenkeeper.persistence.token.JooqCanaryStore;
import io.tokenkeeper.persistence.token.JooqTokenDirectory;
import io.tokenkeeper.persistence.token.JooqTokenFreezes;
import io.tokenkeeper.persistence.token.JooqTokenGrants;
import io.tokenkeeper.persistence.token.JooqTokenLifecycleStore;
import io.tokenkeeper.persistence.token.JooqTokenStore;
import io.tokenkeeper.persistence.token.JooqTokenUsage;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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

    /** The audit trail, which also tells people what concerns them (see the notification feature). */
    @Bean
    AuditLog auditLog(DSLContext dsl, JooqTokenStore tokens, Notifier notifier) {
        return new AuditedNotifications(new JooqAuditLog(dsl), tokens, notifier);
    }

    @Bean
    AuditService auditService(AuditLog audit, UserStore users) {
        return new AuditService(audit, users);
    }

    @Bean
    JooqTokenStore tokenStore(DSLContext dsl) {
        return new JooqTokenStore(dsl);
    }

    /** The API's token lookup; the API wraps it in its cache. */
    @Bean
    JooqTokenGrants tokenGrants(DSLContext dsl) {
        return new JooqTokenGrants(dsl);
    }

    @Bean
    TokenUsage tokenUsage(DSLContext dsl, AuditLog audit) {
        return new JooqTokenUsage(dsl, audit);
    }

    @Bean
    PolicyStore policyStore(DSLContext dsl, Clock clock) {
        return new JooqPolicyStore(dsl, clock);
    }

    @Bean
    PolicyService policyService(
            PolicyStore store, UserStore users, AuditLog audit, Transactions transactions, Clock clock) {
        return new PolicyService(store, users, audit, transactions, clock);
    }

    /** The quota administrators set under Administration › Policy applies to every user. */
    @Bean
    QuotaPolicy quotaPolicy(PolicyService policies) {
        return owner -> policies.current().quota();
    }

    @Bean
    TokenService tokenService(
            TokenStore tokens,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            QuotaPolicy quotas,
            LifetimePolicy lifetimes,
            TokenFreezes freezes,
            TokenChanges changes,
            ScopeCatalogue scopes) {
        return new TokenService(
                tokens, users, audit, transactions, clock, random, quotas, lifetimes, freezes, changes, scopes);
    }

    @Bean
    TokenLifecycle tokenLifecycle(
            TokenStore tokens,
            DSLContext dsl,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            LifetimePolicy lifetimes,
            TokenChanges changes) {
        return new TokenLifecycle(
                tokens,
                new JooqTokenLifecycleStore(dsl),
                users,
                audit,
                transactions,
                clock,
                random,
                lifetimes,
                changes);
    }

    @Bean
    CanaryTokens canaryTokens(
            TokenService tokens,
            DSLContext dsl,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock) {
        return new CanaryTokens(tokens, new JooqCanaryStore(dsl), users, audit, transactions, clock);
    }

    @Bean
    ResourceServerStore resourceServerStore(DSLContext dsl) {
        return new JooqResourceServerStore(dsl);
    }

    @Bean
    ResourceServerAdministration resourceServerAdministration(
            ResourceServerStore servers,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            ResourceServerChanges changes) {
        return new ResourceServerAdministration(servers, users, audit, transactions, clock, random, changes);
    }

    /** The scopes of enabled resource servers, and the policy's defaults for new tokens. */
    @Bean
    ScopeCatalogue scopeCatalogue(DSLContext dsl) {
        return new JooqScopeCatalogue(dsl);
    }

    /** The maximum lifetime administrators set under Administration › Policy applies to every new token. */
    @Bean
    LifetimePolicy lifetimePolicy(PolicyService policies) {
        return () -> {
            Integer days = policies.current().maxLifetimeDays();
            return days == null ? null : Duration.ofDays(days);
        };
    }

    @Bean
    AccountService accountService(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        return new AccountService(users, passwords, audit, transactions, clock);
    }

    @Bean
    UserAdministration userAdministration(
            UserStore users,
            PasswordHasher passwords,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        return new UserAdministration(users, passwords, audit, transactions, clock, accountChanges);
    }

    @Bean
    IdentityLinks identityLinks(DSLContext dsl) {
        return new JooqIdentityLinks(dsl);
    }

    @Bean
    SingleSignOn singleSignOn(
            UserStore users,
            IdentityLinks links,
            PolicyService policies,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        return new SingleSignOn(users, links, policies, audit, transactions, clock, accountChanges);
    }

    @Bean
    ProvisionedAccounts provisionedAccounts(
            UserStore users,
            IdentityLinks links,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        return new ProvisionedAccounts(users, links, audit, transactions, clock, accountChanges);
    }

    @Bean
    ProvisioningTokens provisioningTokens(
            DSLContext dsl,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random) {
        return new ProvisioningTokens(new JooqProvisioningTokenStore(dsl), users, audit, transactions, clock, random);
    }

    @Bean
    SignInAudit signInAudit(UserStore users, AuditLog audit, Clock clock) {
        return new SignInAudit(users, audit, clock);
    }

    @Bean
    FirstAdministrator firstAdministrator(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        return new FirstAdministrator(users, passwords, audit, transactions, clock);
    }

    @Bean
    TokenDirectory tokenDirectory(DSLContext dsl) {
        return new JooqTokenDirectory(dsl);
    }

    @Bean
    TokenFreezes tokenFreezes(DSLContext dsl) {
        return new JooqTokenFreezes(dsl);
    }

    @Bean
    TokenAdministration tokenAdministration(
            TokenDirectory directory,
            TokenFreezes freezes,
            TokenStore tokens,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            TokenChanges changes) {
        return new TokenAdministration(directory, freezes, tokens, users, audit, transactions, clock, changes);
    }
}
