package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.button.Button;
import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.ui.base.Notifications;
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

    Button regenerate(Token token) {
        var button = new Button("Regenerate", event -> new RegenerateTokenDialog(
                        token,
                        (overlap, expiry) -> lifecycle.regenerate(actor.get(), token.id(), overlap, expiry),
                        refresh)
                .open());
        button.setAriaLabel("Regenerate " + quoted(token.name().value()));
        return button;
    }

    /** Opens the token's Details: settings, 30 days of calls, addresses and history. */
    Button details(Token token) {
        var button = new Button("Details", event -> {
            var shown = activity.activity(actor.get(), token.id(), 30);
            var rotation = lifecycle.ongoingRotation(actor.get(), token.id()).orElse(null);
            new TokenDetailsDialog(token, rotation, shown, clock.instant()).open();
        });
        button.setAriaLabel("Details of " + quoted(token.name().value()));
        return button;
    }

    Button extend(Token token) {
        var button = new Button("Extend", event -> new ExtendExpiryDialog(
                        token, clock, policies.current().maxLifetimeDays(), expiresAt -> {
                            var changed = lifecycle.changeExpiry(actor.get(), token.id(), expiresAt);
                            Notifications.success(quoted(changed.name().value()) + " now expires "
                                    + Times.formatOr(changed.expiresAt(), "never") + ".");
                            refresh.run();
                        })
                .open());
        button.setAriaLabel("Extend the expiry of " + quoted(token.name().value()));
        return button;
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
        var label = ROTATING + Times.format(rotation.oldValueRetiresAt());
        return rotation.untilFirstUse() ? label + " or when the new value is first used" : label;
    }
}
