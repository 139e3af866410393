package io.tokenkeeper.app.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import io.tokenkeeper.ui.user.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser UI: Vaadin's own chain (session, CSRF, route access control by annotations on the views) behind a
 * login form at {@code /login}. Health checks stay open for load balancers and orchestrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/styles/**")
                        .permitAll())
                .headers(headers -> {
                    headers.addObjectPostProcessor(writeHeadersEagerly());
                    headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                            .permissionsPolicyHeader(
                                    policy -> policy.policy("camera=(), microphone=(), geolocation=()"));
                })
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        return http.build();
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

    /** bcrypt for new hashes; the {@code {id}} prefix keeps older schemes readable if the default ever changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
