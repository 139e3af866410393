package io.tokenkeeper.app.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Binds settings as the application does, from its {@code application.properties} and the given environment variables
 * only (not this machine's), so that a test sees which variable sets what and what the defaults are.
 */
public final class Settings {

    private Settings() {}

    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> environmentVariables) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        try {
            sources.addLast(new ResourcePropertySource("classpath:application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bindOrCreate(prefix, type);
    }
}
