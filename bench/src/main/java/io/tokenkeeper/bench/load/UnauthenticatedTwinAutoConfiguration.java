package io.tokenkeeper.bench.load;

import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Adds the {@link UnauthenticatedTwin} to the application when this module is on its class path, which only the load
 * benchmark's script arranges ({@code -Dloader.path}); listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UnauthenticatedTwinAutoConfiguration {

    /** The strategy the API's chain uses (Vaadin installs its own). */
    @Bean
    UnauthenticatedTwin unauthenticatedTwin(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        return new UnauthenticatedTwin(contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
    }

    @Bean
    FilterRegistrationBean<Filter> unauthenticatedTwinBeforeSecurity(UnauthenticatedTwin twin) {
        return registration(
                "loadBenchmarkTwin", twin.beforeSecurity(), SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    }

    @Bean
    FilterRegistrationBean<Filter> unauthenticatedTwinAfterSecurity(UnauthenticatedTwin twin) {
        return registration(
                "loadBenchmarkTwinCapture", twin.afterSecurity(), SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    }

    private static FilterRegistrationBean<Filter> registration(String name, Filter filter, int order) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setUrlPatterns(List.of(UnauthenticatedTwin.PATH));
        registration.setOrder(order);
        return registration;
    }
}
