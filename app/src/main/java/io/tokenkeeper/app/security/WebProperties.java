package io.tokenkeeper.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.web.*}: how the application is reached.
 *
 * @param httpsOnly served only over HTTPS ({@code TOKENKEEPER_HTTPS_ONLY}, off unless set; see
 *     {@code application.properties}, which also marks the session cookie Secure then)
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-*} headers are believed
 *     ({@code TOKENKEEPER_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated); none unless set
 */
@ConfigurationProperties("tokenkeeper.web")
record WebProperties(boolean httpsOnly, @DefaultValue List<String> trustedProxies) {}
