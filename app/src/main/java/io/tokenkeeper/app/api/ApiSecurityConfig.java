package io.tokenkeeper.app.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.persistence.token.JooqTokenGrants;
import io.tokenkeeper.persistence.token.PostgresChangeFeed;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The REST API's own security chain, consulted before the browser's: stateless (no session, no cookie, so no CSRF
 * either), authenticated by personal API tokens only, answering problem details. {@code /api/v1/admin/**} takes an
 * administrator's token (403 otherwise; the services check again), and so does Prometheus, which scrapes
 * {@code /actuator/prometheus} through this chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final String ADMINISTRATION = "/api/v1/admin/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            TokenAuthenticator authenticator,
            CachedTokenGrants grants,
            FailureThrottle throttle,
            TokenUseRecorder uses,
            ThrottleAuditor throttleAudit,
            ApiMetrics metrics,
            ObjectProvider<SecurityContextHolderStrategy> contexts)
            throws Exception {
        var problems = new ApiProblems();
        // Built here rather than declared as a bean: a Filter bean would also run for every other request. The
        // context strategy must be the one this application's other security filters use (Vaadin provides its own).
        var tokens = new TokenAuthenticationFilter(
                authenticator,
                grants,
                throttle,
                uses,
                throttleAudit,
                metrics,
                problems,
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
        http.securityMatcher("/api/**", PROMETHEUS)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(ApiDocsConfig.DOCUMENT, ApiDocsConfig.DOCUMENT + "/**")
                                .permitAll()
                                .requestMatchers(PROMETHEUS, ADMINISTRATION)
                                .hasRole("ADMINISTRATOR")
                                .anyRequest()
                                .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.unauthorized(request, response))
                        .accessDeniedHandler((request, response, e) -> problems.forbidden(request, response)))
                .addFilterBefore(tokens, AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    CachedTokenGrants cachedTokenGrants(
            JooqTokenGrants grants,
            BackgroundWork background,
            @Value("${tokenkeeper.api.cache.lifetime:30s}") Duration lifetime,
            @Value("${tokenkeeper.api.cache.size:10000}") long size) {
        return new CachedTokenGrants(grants, lifetime, size, background);
    }

    /** The trusted IP ranges are checked on every request: remembered as long as token state is. */
    @Bean
    CachedPolicy cachedPolicy(
            PolicyService policies,
            BackgroundWork background,
            @Value("${tokenkeeper.api.cache.lifetime:30s}") Duration lifetime) {
        return new CachedPolicy(policies::current, lifetime, background);
    }

    /** Every node hears every committed change through PostgreSQL LISTEN/NOTIFY. */
    @Bean
    TokenAndPolicyChangeFeed tokenAndPolicyChangeFeed(DataSource dataSource) {
        return new PostgresChangeFeed(dataSource);
    }

    @Bean
    CacheSubscription cacheSubscription(TokenAndPolicyChangeFeed feed, CachedTokenGrants grants, CachedPolicy policy) {
        return new CacheSubscription(feed, grants, policy);
    }

    @Bean
    TokenAuthenticator tokenAuthenticator(CachedTokenGrants grants, CachedPolicy policy, Clock clock) {
        return new TokenAuthenticator(grants, clock, policy::trusts);
    }

    @Bean
    FailureThrottle failureThrottle(
            @Value("${tokenkeeper.api.throttle.failures:30}") long failures,
            @Value("${tokenkeeper.api.throttle.period:3m}") Duration period) {
        return new FailureThrottle(failures, period);
    }

    @Bean
    BackgroundWork apiBackgroundWork() {
        return new BackgroundWork();
    }

    @Bean
    TokenUseRecorder tokenUseRecorder(TokenUsage usage, Clock clock, BackgroundWork background) {
        return new TokenUseRecorder(usage, clock, background);
    }

    @Bean
    ThrottleAuditor throttleAuditor(
            AuditLog audit,
            Clock clock,
            BackgroundWork background,
            @Value("${tokenkeeper.api.throttle.failures:30}") long failures,
            @Value("${tokenkeeper.api.throttle.period:3m}") Duration period) {
        return new ThrottleAuditor(audit, clock, background, failures, period);
    }

    @Bean
    ApiMetrics apiMetrics(MeterRegistry registry, CachedTokenGrants grants) {
        return new ApiMetrics(registry, grants);
    }
}
