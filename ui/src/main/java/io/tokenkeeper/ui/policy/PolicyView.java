package io.tokenkeeper.ui.policy;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Administration › Policy: how many tokens each user may have, how long new ones live, where API calls may come from,
 * which scopes new tokens get unless their creator chooses, and the rules of tokens' lives.
 */
@Route("administration/policy")
@PageTitle("Policy | Tokenkeeper")
@Menu(title = "Policy", order = 23, icon = "vaadin:sliders")
@RolesAllowed("ADMINISTRATOR")
public final class PolicyView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String SAVED = "The policy was saved.";
    static final String BROAD_PROXIES = "Forwarded client addresses are believed from %s"
            + " (TOKENKEEPER_TRUSTED_PROXIES), which includes hosts that are not your reverse proxy: a caller there"
            + " can claim an address inside the trusted IP ranges. Narrow it to your proxies' own addresses.";

    private final PolicyService policies;
    private final CurrentUser currentUser;
    private final ProxySetup proxies;
    private final Paragraph proxyWarning = new Paragraph();
    private final IntegerField quota = new IntegerField("Tokens per user");
    private final IntegerField maxLifetime = new IntegerField("Maximum lifetime of new tokens (days)");
    private final TextArea trustedRanges = new TextArea("Trusted IP ranges for the API");
    private final FieldErrors errors = new FieldErrors()
            .on("quota", quota)
            .on("maxLifetimeDays", maxLifetime)
            .on("trustedRanges", trustedRanges);

    public PolicyView(
            PolicyService policies,
            CurrentUser currentUser,
            ProxySetup proxies,
            LifecyclePolicyService lifecyclePolicies,
            ResourceServerAdministration servers) {
        this.policies = policies;
        this.currentUser = currentUser;
        this.proxies = proxies;
        proxyWarning.getElement().getThemeList().add("badge error");
        proxyWarning.getElement().setAttribute("role", "alert");
        proxyWarning.setVisible(false);

        quota.setMin(TokenQuota.LOWEST);
        quota.setMax(TokenQuota.HIGHEST);
        quota.setStepButtonsVisible(true);
        quota.setRequiredIndicatorVisible(true);
        quota.setHelperText("1 to 100. Lowering it keeps existing tokens but blocks new ones above the limit.");
        maxLifetime.setMin(1);
        maxLifetime.setMax(TokenPolicy.MAX_LIFETIME_DAYS);
        maxLifetime.setClearButtonVisible(true);
        maxLifetime.setHelperText("Empty means no limit. New tokens then must expire within this many days.");
        trustedRanges.setHelperText("One address or CIDR range per line, at most " + TokenPolicy.MAX_TRUSTED_RANGES
                + " (for example 203.0.113.0/24 or 2001:db8::/32). Empty means any address.");
        trustedRanges.setMinHeight("8rem");

        var save = new Button("Save Policy", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(quota, maxLifetime, trustedRanges);
        form.setColspan(trustedRanges, 2);

        var layout = getContent();
        layout.addClassName("tk-page");
        layout.add(
                new H2("Policy"),
                new Paragraph("These rules apply to every user's API tokens. Every change is recorded in the audit"
                        + " log."),
                proxyWarning,
                form,
                save,
                new DefaultScopesForm(policies, servers, currentUser),
                new LifecyclePolicyForm(lifecyclePolicies, currentUser));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(policies.read(currentUser.actor()));
    }

    private void show(TokenPolicy policy) {
        quota.setValue(policy.quota().max());
        maxLifetime.setValue(policy.maxLifetimeDays());
        trustedRanges.setValue(
                policy.trustedRanges().stream().map(IpRange::toString).collect(Collectors.joining("\n")));
        var broad = policy.trustedRanges().isEmpty()
                ? null
                : proxies.broadlyTrustedProxies().orElse(null);
        proxyWarning.setText(broad == null ? "" : BROAD_PROXIES.formatted(broad));
        proxyWarning.setVisible(broad != null);
    }

    private void save() {
        errors.clear();
        try {
            var saved = policies.update(
                    currentUser.actor(),
                    quota.getValue(),
                    maxLifetime.getValue(),
                    Arrays.asList(trustedRanges.getValue().split("\\R")));
            show(saved);
            Notifications.success(SAVED);
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
