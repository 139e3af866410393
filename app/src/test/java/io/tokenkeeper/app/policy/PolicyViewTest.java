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
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.resourceserver.ResourceServerTestData;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.base.LocalDays;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
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
import java.util.Set;
import java.util.stream.Collectors;
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

    @Autowired
    ResourceServerAdministration servers;

    @Autowired
    ResourceServerTestData resourceServers;

    @AfterEach
    void restoreTheDefaultPolicy() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        var defaults = TokenPolicy.DEFAULT;
        policies.update(new Actor(admin, null), defaults.quota().max(), null, List.of());
        policies.updateDefaultScopes(new Actor(admin, null), List.of("tokenkeeper:read", "tokenkeeper:write"));
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

    @SuppressWarnings("unchecked")
    @Test
    void the_default_scopes_start_as_tokenkeepers_read_and_write_grouped_by_resource_server() {
        var orders = resourceServers.aServer();
        TestSignIn.as(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)));
        UI.getCurrent().navigate(PolicyView.class);

        var field = defaultScopes();
        assertThat(field.getValue()).containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, Scope.TOKENKEEPER_WRITE);
        CheckboxGroup<ScopeDefinition> tokenkeeper =
                _get(field, CheckboxGroup.class, spec -> spec.withLabel("Tokenkeeper"));
        assertThat(tokenkeeper.getValue())
                .extracting(ScopeDefinition::scope)
                .containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, Scope.TOKENKEEPER_WRITE);
        CheckboxGroup<ScopeDefinition> ordersGroup = _get(
                field,
                CheckboxGroup.class,
                spec -> spec.withLabel(orders.registered().server().name()));
        assertThat(ordersGroup.getValue()).isEmpty();
        assertThat(ordersGroup.getListDataView().getItems().map(definition -> definition
                        .scope()
                        .value()))
                .containsExactly(orders.read(), orders.write());
    }

    @SuppressWarnings("unchecked")
    @Test
    void saving_the_default_scopes_changes_what_the_new_api_token_dialog_ticks() {
        var orders = resourceServers.aServer();
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(admin);
        UI.getCurrent().navigate(PolicyView.class);
        var field = defaultScopes();
        CheckboxGroup<ScopeDefinition> tokenkeeper =
                _get(field, CheckboxGroup.class, spec -> spec.withLabel("Tokenkeeper"));
        CheckboxGroup<ScopeDefinition> ordersGroup = _get(
                field,
                CheckboxGroup.class,
                spec -> spec.withLabel(orders.registered().server().name()));

        _setValue(tokenkeeper, only(tokenkeeper, Scope.TOKENKEEPER_READ.value()));
        _setValue(ordersGroup, only(ordersGroup, orders.read()));
        _click(_get(Button.class, spec -> spec.withText("Save Default Scopes")));

        NotificationsKt.expectNotifications("The default scopes were saved.");
        assertThat(policies.defaultScopes())
                .containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, new Scope(orders.read()));

        UI.getCurrent().navigate(ApiTokensView.class);
        _click(_get(Button.class, spec -> spec.withText("Add New Token")));
        CheckboxGroup<ScopeDefinition> offered = _get(CheckboxGroup.class, spec -> spec.withLabel("Tokenkeeper"));
        assertThat(offered.getValue()).extracting(ScopeDefinition::scope).containsExactly(Scope.TOKENKEEPER_READ);
        CheckboxGroup<ScopeDefinition> offeredOrders = _get(
                CheckboxGroup.class,
                spec -> spec.withLabel(orders.registered().server().name()));
        assertThat(offeredOrders.getValue())
                .extracting(ScopeDefinition::scope)
                .containsExactly(new Scope(orders.read()));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "with the new defaults");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));
        assertThat(tokens.listOwn(new Actor(admin, null)).getFirst().scopes())
                .containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, new Scope(orders.read()));
    }

    @Test
    void no_default_scope_at_all_is_a_message_on_the_field_and_nothing_is_saved() {
        TestSignIn.as(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)));
        UI.getCurrent().navigate(PolicyView.class);
        var field = defaultScopes();

        for (var group : _find(field, CheckboxGroup.class)) {
            _setValue(group, Set.of());
        }
        _click(_get(Button.class, spec -> spec.withText("Save Default Scopes")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Choose at least one default scope, such as tokenkeeper:read.");
        assertThat(policies.defaultScopes()).containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, Scope.TOKENKEEPER_WRITE);
    }

    @SuppressWarnings("unchecked")
    private static CustomField<Set<Scope>> defaultScopes() {
        return _get(CustomField.class, spec -> spec.withLabel("Default scopes of new tokens"));
    }

    private static Set<ScopeDefinition> only(CheckboxGroup<ScopeDefinition> group, String scope) {
        return group.getListDataView()
                .getItems()
                .filter(definition -> definition.scope().value().equals(scope))
                .collect(Collectors.toSet());
    }

    @Test
    void warns_when_trusted_ranges_meet_proxies_trusted_too_broadly() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        TestSignIn.as(admin);
        ProxySetup broad = () -> Optional.of("10.0.0.0/8");
        var withoutRanges = new PolicyView(policies, currentUser, broad, lifecyclePolicies, servers);
        UI.getCurrent().add(withoutRanges);
        withoutRanges.beforeEnter(null);
        assertThat(_find(withoutRanges, Paragraph.class, spec -> spec.withText(warning("10.0.0.0/8"))))
                .isEmpty();

        policies.update(new Actor(admin, null), 5, null, List.of("203.0.113.0/24"));
        var withRanges = new PolicyView(policies, currentUser, broad, lifecyclePolicies, servers);
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
