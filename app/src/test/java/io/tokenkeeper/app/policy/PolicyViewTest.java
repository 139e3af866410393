package io.tokenkeeper.app.policy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.base.LocalDays;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.policy.PolicyView;
import io.tokenkeeper.ui.policy.ProxySetup;
import io.tokenkeeper.ui.token.ApiTokensView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PolicyViewTest extends KaribuTest {

    @Autowired
    UserTestData users;

    @Autowired
    PolicyService policies;

    @Autowired
    LifecyclePolicyService lifecyclePolicies;

    @Autowired
    TokenService tokens;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void restoreTheDefaultPolicy() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        var defaults = TokenPolicy.DEFAULT;
        policies.update(new Actor(admin, null), defaults.quota().max(), null, List.of());
    }

    @Test
    void a_user_who_is_not_an_administrator_is_denied_the_page() {
        TestSignIn.as(users.aUserWithApiAccess());

        UI.getCurrent().navigate(PolicyView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
    }

    @Test
    void an_administrator_lowers_the_quota_and_it_applies_to_new_tokens_at_once() {
        TestSignIn.as(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS)));
        UI.getCurrent().navigate(PolicyView.class);
        var holder = new Actor(users.aUserWithApiAccess(), null);
        tokens.generate(holder, "first", null);

        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Tokens per user")), 1);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Trusted IP ranges for the API")), "203.0.113.0/24\n");
        _click(_get(Button.class, spec -> spec.withText("Save Policy")));

        NotificationsKt.expectNotifications("The policy was saved.");
        assertThat(policies.current().quota().max()).isEqualTo(1);
        assertThat(tokens.quota(holder).canGenerate()).isFalse();
        assertThat(tokens.listOwn(holder)).hasSize(1);
    }

    @Test
    void an_invalid_range_is_a_message_on_the_field_and_nothing_is_saved() {
        TestSignIn.as(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)));
        UI.getCurrent().navigate(PolicyView.class);

        var ranges = _get(TextArea.class, spec -> spec.withLabel("Trusted IP ranges for the API"));
        _setValue(ranges, "10.0.0.0/8\nintranet.example.com");
        _click(_get(Button.class, spec -> spec.withText("Save Policy")));

        assertThat(ranges.isInvalid()).isTrue();
        assertThat(ranges.getErrorMessage()).startsWith("“intranet.example.com” is not an IP address or range");
        assertThat(policies.current().trustedRanges()).isEmpty();
    }

    @Test
    void a_maximum_lifetime_fills_in_and_caps_the_expiry_of_a_new_token() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        policies.update(new Actor(admin, null), 5, 30, List.of());
        TestSignIn.as(admin);
        UI.getCurrent().navigate(ApiTokensView.class);

        _click(_get(Button.class, spec -> spec.withText("Add New Token")));
        var expiry = _get(DatePicker.class, spec -> spec.withLabel("Expiration date"));
        // The last whole day (in the browser's zone, UTC here) that ends within 30 days from now.
        var latest = LocalDays.lastDayEndingWithin(Instant.now(), Duration.ofDays(30), ZoneOffset.UTC);
        assertThat(expiry.getValue()).isEqualTo(latest);
        assertThat(expiry.getMax()).isEqualTo(latest);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "short-lived by policy");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        var created = tokens.listOwn(new Actor(admin, null)).getFirst();
        assertThat(created.expiresAt()).isEqualTo(LocalDays.endOf(latest, ZoneOffset.UTC));
    }

    @Test
    void warns_when_trusted_ranges_meet_proxies_trusted_too_broadly() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        TestSignIn.as(admin);
        ProxySetup broad = () -> Optional.of("10.0.0.0/8");
        var withoutRanges = new PolicyView(policies, currentUser, broad, lifecyclePolicies);
        UI.getCurrent().add(withoutRanges);
        withoutRanges.beforeEnter(null);
        assertThat(_find(withoutRanges, Paragraph.class, spec -> spec.withText(warning("10.0.0.0/8"))))
                .isEmpty();

        policies.update(new Actor(admin, null), 5, null, List.of("203.0.113.0/24"));
        var withRanges = new PolicyView(policies, currentUser, broad, lifecyclePolicies);
        UI.getCurrent().add(withRanges);
        withRanges.beforeEnter(null);

        assertThat(_get(withRanges, Paragraph.class, spec -> spec.withText(warning("10.0.0.0/8")))
                        .isVisible())
                .isTrue();
    }

    private static String warning(String ranges) {
        return "Forwarded client addresses are believed from " + ranges + " (TOKENKEEPER_TRUSTED_PROXIES), which"
                + " includes hosts that are not your reverse proxy: a caller there can claim an address inside the"
                + " trusted IP ranges. Narrow it to your proxies' own addresses.";
    }
}
