package io.tokenkeeper.domain.token;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The longest a new token may live, as administrators set it; {@code null} means no limit. */
@FunctionalInterface
public interface LifetimePolicy {

    @Nullable
    Duration maxLifetime();
}
