package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * SCIM's own security chain, consulted before the browser's: stateless (no session, no cookie, so no CSRF either),
 * authenticated by provisioning tokens only, answering SCIM error bodies. A provisioning token opens nothing else, and
 * no other credential opens SCIM.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfig {

    static final String SCIM = "/scim/v2/**";

    @Bean
    @Order(2)
    SecurityFilterChain scimChain(
            HttpSecurity http, ProvisioningTokens tokens, ObjectProvider<SecurityContextHolderStrategy> contexts)
            throws Exception {
        // Built here rather than declared as a bean: a Filter bean would also run for every other request.
        var filter = new ProvisioningTokenFilter(
                tokens, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
        http.securityMatcher(SCIM)
                .authorizeHttpRequests(
                        requests -> requests.anyRequest().hasAuthority(ProvisioningAuthentication.AUTHORITY))
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
                        .authenticationEntryPoint((request, response, e) ->
                                ScimErrors.write(response, HttpStatus.UNAUTHORIZED, ScimErrors.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, e) -> ScimErrors.write(
                                response, HttpStatus.FORBIDDEN, "A provisioning token is needed for SCIM.")))
                .addFilterBefore(filter, AuthorizationFilter.class);
        return http.build();
    }
}
