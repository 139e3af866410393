package io.tokenkeeper.app.security;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps Spring Boot's own handling of forwarded headers off whatever the environment says: with
 * {@code SERVER_FORWARD_HEADERS_STRATEGY=native}, Tomcat believes {@code X-Forwarded-For} from every private and
 * loopback peer. {@link TrustedProxies} believes only the proxies named in {@code TOKENKEEPER_TRUSTED_PROXIES}.
 */
final class ForwardHeadersStrategyOff implements EnvironmentPostProcessor {

    static final String PROPERTY = "server.forward-headers-strategy";

    private final Log log;

    ForwardHeadersStrategyOff(DeferredLogFactory logs) {
        this.log = logs.getLog(ForwardHeadersStrategyOff.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var asked = environment.getProperty(PROPERTY, "none");
        if (!asked.equalsIgnoreCase("none")) {
            log.warn("Ignoring " + PROPERTY + "=" + asked + " (SERVER_FORWARD_HEADERS_STRATEGY): it would trust"
                    + " X-Forwarded-For from any private address. Name your reverse proxies in"
                    + " TOKENKEEPER_TRUSTED_PROXIES instead.");
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("tokenkeeper-forward-headers", Map.of(PROPERTY, "none")));
    }
}
