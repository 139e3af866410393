package io.tokenkeeper.ui.policy;

import java.util.Optional;

/** How the deployment believes forwarded client addresses; implemented where the web layer is wired. */
public interface ProxySetup {

    /**
     * The ranges of {@code TOKENKEEPER_TRUSTED_PROXIES} wide enough to include hosts that are not a proxy, as text;
     * empty when there are none.
     */
    Optional<String> broadlyTrustedProxies();
}
