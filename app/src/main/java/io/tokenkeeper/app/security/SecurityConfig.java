package io.tokenkeeper.app.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import io.tokenkeeper.ui.user.LoginView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser UI: Vaadin's own chain (session, CSRF, route access control by annotations on the views) behind a
 * login form at {@code /login}, and sign-in through the company's identity provider when one is configured
 * ({@link SingleSignOnLogin}). Health checks stay open for load balancers and orchestrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /**
     * What the pages may load. Vaadin Flow needs inline scripts and styles in its bootstrap page and evaluates the
     * JavaScript the server sends ({@code executeJs}), hence {@code 'unsafe-inline'} and {@code 'unsafe-eval'}; the
     * rest is locked to this origin: no framing, no plugins, no foreign base URL or form target.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "frame-ancestors 'none'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'";

    static final String EXPIRED_SIGN_IN = "/login?expired";
    static final String SIGNED_OUT = "/login?logout";

    @Bean
    SecurityFilterChain browserChain(
            HttpSecurity http,
            RequestUtil vaadinRequests,
            WebProperties web,
            SignInThrottling throttling,
            SessionGuard sessions,
            ObjectProvider<SecurityContextHolderStrategy> contexts,
            SingleSignOnLogin singleSignOn)
            throws Exception {
        RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/styles/**")
                        .permitAll()
                        // Swagger UI is part of the browser UI: any signed-in user may read the API's document.
                        .requestMatchers("/swagger-ui/**", "/swagger-ui.html")
                        .authenticated())
                .headers(headers -> {
                    headers.addObjectPostProcessor(writeHeadersEagerly());
                    headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                            .permissionsPolicyHeader(
                                    policy -> policy.policy("camera=(), microphone=(), geolocation=()"))
                            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
                    if (web.httpsOnly()) {
                        headers.httpStrictTransportSecurity(hsts ->
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(31_536_000));
                    }
                })
                // Vaadin leaves the sign-in form out of CSRF protection; its form sends the token, so it keeps it
                // (no login CSRF). Vaadin's own requests carry its own token and stay out, as Vaadin has them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                        .withObjectPostProcessor(expiredSignInPage(signIn)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(throttling.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(
                        sessions.filter(contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        SecurityContextHolderFilter.class)
                .with(vaadin(), vaadin -> {
                    vaadin.loginView(LoginView.class, SIGNED_OUT).enableCsrfConfiguration(false);
                    singleSignOn.logoutSuccessHandler(SIGNED_OUT).ifPresent(vaadin::logoutSuccessHandler);
                });
        singleSignOn.configure(http);
        return http.build();
    }

    /**
     * A sign-in whose form token is missing or stale (a page left open past the session's lifetime, or a post from
     * another site) goes back to the sign-in page with a message instead of a bare 403; anything else is refused as
     * before.
     */
    private static ObjectPostProcessor<CsrfFilter> expiredSignInPage(RequestMatcher signIn) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends CsrfFilter> O postProcess(O filter) {
                filter.setAccessDeniedHandler((request, response, denied) -> {
                    if (signIn.matches(request)) {
                        response.sendRedirect(contextPath(request) + EXPIRED_SIGN_IN);
                    } else {
                        response.sendError(403);
                    }
                });
                return filter;
            }
        };
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath();
    }

    /**
     * Vaadin writes its bootstrap page past Spring Security's lazy header writer, which would leave the login page
     * without the security headers; writing them before the request goes on fixes that.
     */
    private static ObjectPostProcessor<HeaderWriterFilter> writeHeadersEagerly() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    /** The client's address, scheme and host as the named reverse proxies forwarded them; first of all filters. */
    @Bean
    TrustedProxies trustedProxies(WebProperties web) {
        return TrustedProxies.parse(web.trustedProxies());
    }

    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxiesFilter(TrustedProxies proxies) {
        var registration = new FilterRegistrationBean<>(proxies);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Keeps every redirect on the host the client asked for without echoing an arbitrary {@code Host} header. */
    @Bean
    FilterRegistrationBean<RelativeRedirects> relativeRedirects() {
        var registration = new FilterRegistrationBean<>(new RelativeRedirects());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }
}
