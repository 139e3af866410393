package io.tokenkeeper.app.user;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenkeeper.admin.*}: the first administrator's password ({@code TOKENKEEPER_ADMIN_PASSWORD}, used only while
 * the database has no users); unset or blank means generated and printed once.
 */
@ConfigurationProperties("tokenkeeper.admin")
record AdminProperties(@Nullable String initialPassword) {}
