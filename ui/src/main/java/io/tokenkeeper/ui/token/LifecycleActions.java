package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.StatusBadge;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The row actions of a token's lifecycle (Details, Regenerate, Extend) and the status of a token being rotated, for the
 * grids that list tokens. {@link TokenLifecycle} decides who may do what.
 */
final class LifecycleActions {

    static final String ROTATING = "Rotating \u2014 old value stops at ";

    private final TokenLifecycle lifecycle;
    private final ActivityService activity;
    private final PolicyService policies;
    private final Supplier<Actor> actor;
    private final Clock clock;
    private final Runnable refresh;

    LifecycleActions(
            TokenLifecycle lifecycle,
            ActivityService activity,
            PolicyService policies,
            Supplier<Actor> actor,
            Clock clock,
            Runnable refresh) {
        this.lifecycle = lifecycle;
        this.activity = activity;
        this.policies = policies;
        this.actor = actor;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Opens Regenerate: a new value for the token, the old one working for the overlap the user picks. */
    Runnable regenerate(Token token) {
        return () -> new RegenerateTokenDialog(
                        token,
                        (overlap, expiry) -> lifecycle.regenerate(actor.get(), token.id(), overlap, expiry),
                        refresh)
                .open();
    }

    /** Opens the token's Details: settings, 30 days of calls, addresses and history. */
    Runnable details(Token token) {
        return () -> {
            var shown = activity.activity(actor.get(), token.id(), 30);
            var rotation = lifecycle.ongoingRotation(actor.get(), token.id()).orElse(null);
            new TokenDetailsDialog(token, rotation, shown, clock.instant()).open();
        };
    }

    /** Opens Extend: a later expiry date for the same value, within the policy's longest lifetime. */
    Runnable extend(Token token) {
        return () -> new ExtendExpiryDialog(token, clock, policies.current().maxLifetimeDays(), expiresAt -> {
                    var changed = lifecycle.changeExpiry(actor.get(), token.id(), expiresAt);
                    Notifications.success(quoted(changed.name().value()) + " now expires "
                            + Times.localOr(changed.expiresAt(), "never") + ".");
                    refresh.run();
                })
                .open();
    }

    /** The actor's tokens whose old values still work, to show beside their status. */
    Map<TokenId, Rotation> ongoingRotations() {
        return lifecycle.ongoingRotations(actor.get());
    }

    /** "Rotating — old value stops at …" while a rotation's old value works; otherwise {@code null}. */
    static @Nullable String rotatingLabel(@Nullable Rotation rotation) {
        if (rotation == null) {
            return null;
        }
        var label = ROTATING + Times.local(rotation.oldValueRetiresAt());
        return rotation.untilFirstUse() ? label + " or when the new value is first used" : label;
    }

    /** {@link #rotatingLabel} as a status badge: the token works, and needs attention before the old value stops. */
    static @Nullable StatusBadge rotatingBadge(@Nullable Rotation rotation) {
        var label = rotatingLabel(rotation);
        return label == null ? null : StatusBadge.warning(label);
    }
}
