package io.tokenkeeper.app.api.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.app.api.cache.BackgroundWork;
import io.tokenkeeper.app.api.cache.CachedPolicy;
import io.tokenkeeper.app.api.cache.CachedTokenGrants;
import io.tokenkeeper.app.api.cache.TokenUseRecorder;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.persistence.network.JooqFailureBuckets;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
    /** The OpenAPI document of the API ({@code springdoc.api-docs.path}), public. */
    static final String OPENAPI_DOCUMENT = "/api/openapi";

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
            ObjectProvider<SecurityContextHolderStrategy> contexts,
            DatabaseStatus database)
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
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy),
                database);
        http.securityMatcher("/api/**", PROMETHEUS)
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPENAPI_DOCUMENT, OPENAPI_DOCUMENT + "/**")
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
                .addFilterBefore(tokens, AuthorizationFilter.class)
                .addFilterAfter(
                        new ScopeCheck(
                                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), problems),
                        TokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    TokenAuthenticator tokenAuthenticator(CachedTokenGrants grants, CachedPolicy policy, Clock clock) {
        return new TokenAuthenticator(grants, clock, policy::trusts);
    }

    @Bean
    FailureThrottle failureThrottle(ApiThrottleProperties settings, DSLContext dsl, DatabaseStatus database) {
        return new FailureThrottle(
                settings.failures(), settings.period(), new JooqFailureBuckets(dsl), database::isReachable);
    }

    @Bean
    ThrottleAuditor throttleAuditor(
            AuditLog audit, Clock clock, BackgroundWork background, ApiThrottleProperties settings) {
        return new ThrottleAuditor(audit, clock, background, settings.failures(), settings.period());
    }

    /**
     * {@link ApiRequestGuard} before everything else, Spring Security's firewall included, for the API and the
     * resource servers' endpoints.
     */
    @Bean
    FilterRegistrationBean<ApiRequestGuard> apiRequestGuard() {
        var registration = new FilterRegistrationBean<>(new ApiRequestGuard(new ApiProblems()));
        registration.addUrlPatterns("/api/*", "/oauth2/*", "/auth/*", "/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Tomcat would answer an encoded slash or backslash itself, with its HTML error page; passed through, the
     * {@link ApiRequestGuard} answers under /api and Spring Security's firewall everywhere else. What Tomcat still
     * refuses itself (broken %-encoding in the path) gets problem JSON from {@link ApiErrorReportValve} under /api.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheApplication() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            // After Spring Boot's own error report valve, so that it reports first for the API's paths.
            factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ApiErrorReportValve()));
        };
    }

    @Bean
    ApiMetrics apiMetrics(MeterRegistry registry) {
        return new ApiMetrics(registry);
    }
}
