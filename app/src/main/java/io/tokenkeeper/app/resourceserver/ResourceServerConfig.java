package io.tokenkeeper.app.resourceserver;

import io.tokenkeeper.app.api.auth.FailureThrottle;
import io.tokenkeeper.app.api.cache.ApiCacheProperties;
import io.tokenkeeper.app.api.cache.BackgroundWork;
import io.tokenkeeper.app.api.cache.CachedTokenGrants;
import io.tokenkeeper.app.api.cache.TokenUseRecorder;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Introspection and forward-auth: their own stateless chain (no session, no cookie, no CSRF, since no browser calls
 * them), in which the endpoints authenticate their caller themselves, by its resource-server credential.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerConfig {

    @Bean
    @Order(0)
    SecurityFilterChain resourceServerChain(HttpSecurity http) throws Exception {
        http.securityMatcher(IntrospectionEndpoint.PATH, ForwardAuthEndpoint.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    CachedCredentials cachedCredentials(
            ResourceServerStore store,
            TokenAndPolicyChangeFeed feed,
            ApiCacheProperties settings,
            DatabaseStatus database) {
        return new CachedCredentials(store, feed, settings.lifetime(), database);
    }

    @Bean
    ResourceServerGate resourceServerGate(
            CachedCredentials credentials,
            CachedTokenGrants grants,
            FailureThrottle throttle,
            TokenUseRecorder uses,
            AuditLog audit,
            BackgroundWork background,
            Clock clock) {
        return new ResourceServerGate(credentials, grants, throttle, uses, audit, background, clock);
    }
}
