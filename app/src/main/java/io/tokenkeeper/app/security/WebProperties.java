package io.tokenkeeper.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenkeeper.web.*}: whether the application is served only over HTTPS ({@code TOKENKEEPER_HTTPS_ONLY}, off
 * unless set; see {@code application.properties}, which also marks the session cookie Secure then).
 */
@ConfigurationProperties("tokenkeeper.web")
record WebProperties(boolean httpsOnly) {}
