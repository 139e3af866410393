package example.orders;

import java.security.Principal;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's own API, as its engineers would write it with Spring Boot: an ordinary opaque-token resource server whose
 * introspection endpoint, client id and secret come from {@code spring.security.oauth2.resourceserver.opaquetoken.*}
 * properties alone. Nothing in it knows Tokenkeeper. Outside {@code io.tokenkeeper} so that Tokenkeeper's component
 * scan never finds it.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    OAuth2ResourceServerAutoConfiguration.class
})
public class OrdersApi {

    /** The scope this API's readers need, set per test run because scope names are unique per Tokenkeeper. */
    public static final String READ_SCOPE_PROPERTY = "orders.read-scope";

    @Bean
    SecurityFilterChain orders(HttpSecurity http, org.springframework.core.env.Environment environment)
            throws Exception {
        var readScope = environment.getRequiredProperty(READ_SCOPE_PROPERTY);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/orders")
                        .hasAuthority("SCOPE_" + readScope)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.opaqueToken(Customizer.withDefaults()));
        return http.build();
    }

    /** Registered as a member of this configuration. */
    @RestController
    static class Orders {

        @GetMapping("/orders")
        String list(Principal principal) {
            return "orders of " + principal.getName();
        }
    }
}
