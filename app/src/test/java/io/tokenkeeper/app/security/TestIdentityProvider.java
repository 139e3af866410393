package io.tokenkeeper.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID provider for the tests (mock-oauth2-server, one per JVM, with its interactive sign-in page: any
 * subject, any claims), and the settings that connect the test application to it.
 */
public final class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String NAME = "Test IdP";
    static final String ISSUER_ID = "tokenkeeper-idp";
    static final String CLIENT_ID = "tokenkeeper";

    private static final MockOAuth2Server SERVER = start();

    private static MockOAuth2Server start() {
        var server = new MockOAuth2Server(new OAuth2Config(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    public static String issuer() {
        return SERVER.issuerUrl(ISSUER_ID).toString();
    }

    /** The next token the provider issues claims to come from {@code issuer} (signed with the provider's own key). */
    public static void nextTokenClaimsIssuer(String issuer) {
        SERVER.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, "someone", "JWT", null, Map.of("iss", issuer), 3600L));
    }

    /** The paths the provider was asked for since the last call, oldest first. */
    public static List<String> requestedPaths() {
        var paths = new ArrayList<String>();
        while (true) {
            try {
                paths.add(String.valueOf(
                        SERVER.takeRequest(50, TimeUnit.MILLISECONDS).getPath()));
            } catch (RuntimeException none) {
                return paths;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "tokenkeeper.oidc.issuer-uri=" + issuer(),
                        "tokenkeeper.oidc.client-id=" + CLIENT_ID,
                        "tokenkeeper.oidc.client-secret=not-checked-by-the-test-provider",
                        "tokenkeeper.oidc.name=" + NAME)
                .applyTo(context);
    }
}
