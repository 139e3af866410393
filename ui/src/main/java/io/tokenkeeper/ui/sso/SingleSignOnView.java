package io.tokenkeeper.ui.sso;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.SignInPolicy;
import io.tokenkeeper.domain.provisioning.ProvisioningToken;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.base.Actions;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.Quotes;
import io.tokenkeeper.ui.base.RowActions;
import io.tokenkeeper.ui.base.SignInSetup;
import io.tokenkeeper.ui.base.Times;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Administration › Single Sign-On: how the identity provider is connected (read from the configuration), which of its
 * groups grant API Access and Administrator, whether the sign-in form is for administrators only, which local
 * accounts the provider may take over, and the provisioning tokens its SCIM client uses. Every change is audited by
 * the services.
 */
@Route("administration/single-sign-on")
@PageTitle("Single Sign-On | Tokenkeeper")
@Menu(title = "Single Sign-On", order = 24, icon = "vaadin:sign-in")
@RolesAllowed("ADMINISTRATOR")
public final class SingleSignOnView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String NOT_CONFIGURED = "Single sign-on is off: set TOKENKEEPER_OIDC_ISSUER_URI,"
            + " TOKENKEEPER_OIDC_CLIENT_ID and TOKENKEEPER_OIDC_CLIENT_SECRET to turn it on (see the README). SCIM"
            + " provisioning works without it.";
    static final String POLICY_SAVED = "The sign-in policy was saved.";

    private final PolicyService policies;
    private final SingleSignOn singleSignOn;
    private final ProvisioningTokens provisioningTokens;
    private final SignInSetup setup;
    private final CurrentUser currentUser;

    private final Paragraph connection = new Paragraph();
    private final TextArea apiAccessGroups = new TextArea("Groups granting API Access");
    private final TextArea administratorGroups = new TextArea("Groups granting Administrator");
    private final Checkbox administratorsOnly = new Checkbox("Password sign-in for administrators only");
    private final FieldErrors policyErrors = new FieldErrors()
            .on(SignInPolicy.groupsField(Privilege.API_ACCESS), apiAccessGroups)
            .on(SignInPolicy.groupsField(Privilege.ADMINISTRATOR), administratorGroups);
    private final TextField linkUsername = new TextField("Username of the local account");
    private final FieldErrors linkErrors = new FieldErrors().on("username", linkUsername);
    private final Grid<User> allowedLinks = new Grid<>();
    private final TextField tokenName = new TextField("Token name");
    private final FieldErrors tokenErrors = new FieldErrors().on("name", tokenName);
    private final Grid<ProvisioningToken> tokens = new Grid<>();

    public SingleSignOnView(
            PolicyService policies,
            SingleSignOn singleSignOn,
            ProvisioningTokens provisioningTokens,
            SignInSetup setup,
            CurrentUser currentUser) {
        this.policies = policies;
        this.singleSignOn = singleSignOn;
        this.provisioningTokens = provisioningTokens;
        this.setup = setup;
        this.currentUser = currentUser;
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.add(new H2("Single Sign-On"), connection);
        layout.add(createPolicySection());
        layout.add(createLinkingSection());
        layout.add(createProvisioningSection());
    }

    private VerticalLayout createPolicySection() {
        for (var groups : new TextArea[] {apiAccessGroups, administratorGroups}) {
            groups.setHelperText("One group name or id per line, as the identity provider's groups claim carries it."
                    + " Applied at every sign-in through the provider.");
            groups.setMinHeight("6rem");
        }
        administratorsOnly.setHelperText("Everyone else must sign in through the identity provider. An"
                + " administrator's password sign-in is then recorded as break-glass in the audit log.");
        var save = new Button("Save Sign-In Policy", event -> savePolicy());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(apiAccessGroups, administratorGroups, administratorsOnly);
        form.setColspan(administratorsOnly, 2);
        return section(
                "Privileges from groups",
                "A privilege that some group grants follows the groups at every sign-in: a user who left the group"
                        + " loses it, and their tokens stop, at that sign-in. A privilege no group grants is managed"
                        + " under Users.",
                form,
                save);
    }

    private VerticalLayout createLinkingSection() {
        linkUsername.setHelperText("Its owner's next sign-in through the identity provider with this username, or"
                + " SCIM creating it, takes the account over; it then loses its password.");
        var allow = new Button("Allow Linking", event -> allowLinking());
        var row = new HorizontalLayout(linkUsername, allow);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        allowedLinks
                .addColumn(user -> user.username().value())
                .setHeader("Username")
                .setKey("username");
        allowedLinks
                .addColumn(user -> user.displayName().value())
                .setHeader("Display Name")
                .setKey("displayName");
        RowActions.addButtonsColumn(allowedLinks, user -> List.of(withdrawButton(user)));
        allowedLinks.addThemeVariants(GridVariant.LUMO_COMPACT);
        allowedLinks.setAllRowsVisible(true);
        allowedLinks.setAriaLabel("Local accounts the identity provider may take over");
        return section(
                "Local accounts the provider may take over",
                "An existing local account is never taken over by a sign-in or by SCIM unless it is listed here.",
                row,
                allowedLinks);
    }

    private VerticalLayout createProvisioningSection() {
        tokenName.setMaxLength(ProvisioningToken.MAX_NAME_LENGTH);
        tokenName.setHelperText("For example the provider's name: Okta, Entra ID.");
        var create = new Button("Create Provisioning Token", event -> createToken());
        var row = new HorizontalLayout(tokenName, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        tokens.addColumn(ProvisioningToken::name).setHeader("Name").setKey("name");
        tokens.addColumn(ProvisioningToken::hint).setHeader("First Characters").setKey("hint");
        tokens.addColumn(token -> Times.local(token.createdAt()))
                .setHeader("Date Created")
                .setKey("created");
        tokens.addColumn(token -> token.createdBy() == null ? "" : token.createdBy())
                .setHeader("Created By")
                .setKey("createdBy");
        tokens.addColumn(token -> token.lastUsedAt() == null ? "Never" : Times.local(token.lastUsedAt()))
                .setHeader("Last Used")
                .setKey("lastUsed");
        RowActions.addButtonsColumn(tokens, token -> List.of(revokeButton(token)));
        tokens.addThemeVariants(GridVariant.LUMO_COMPACT);
        tokens.setAllRowsVisible(true);
        tokens.setAriaLabel("Provisioning tokens");
        return section(
                "Provisioning tokens (SCIM)",
                "The identity provider's SCIM client authenticates with one of these as a bearer token. They open"
                        + " nothing but SCIM; revoking one refuses it at once.",
                row,
                tokens);
    }

    private static VerticalLayout section(String title, String description, Component... parts) {
        var section = new VerticalLayout(new H3(title), new Paragraph(description));
        section.add(parts);
        section.setPadding(false);
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var provider = setup.identityProvider();
        connection.setText(provider.map(name -> "Signing in through " + name + " (issuer "
                        + setup.issuer().orElse("") + "). Register this redirect URI at the provider: "
                        + setup.redirectUri() + ". SCIM base URL: " + setup.scimBaseUrl() + ".")
                .orElse(NOT_CONFIGURED + " SCIM base URL: " + setup.scimBaseUrl() + "."));
        show(policies.signInPolicy());
        refreshLinks();
        refreshTokens();
    }

    private void show(SignInPolicy policy) {
        apiAccessGroups.setValue(String.join("\n", policy.groupsFor(Privilege.API_ACCESS)));
        administratorGroups.setValue(String.join("\n", policy.groupsFor(Privilege.ADMINISTRATOR)));
        administratorsOnly.setValue(policy.passwordSignInAdministratorsOnly());
    }

    private void savePolicy() {
        policyErrors.clear();
        try {
            var saved = policies.updateSignInPolicy(
                    currentUser.actor(),
                    Map.of(
                            Privilege.API_ACCESS, lines(apiAccessGroups),
                            Privilege.ADMINISTRATOR, lines(administratorGroups)),
                    administratorsOnly.getValue());
            show(saved);
            Notifications.success(POLICY_SAVED);
        } catch (InvalidInputException e) {
            policyErrors.show(e);
        }
    }

    private void allowLinking() {
        linkErrors.clear();
        try {
            var account = singleSignOn.allowLinking(currentUser.actor(), linkUsername.getValue());
            linkUsername.clear();
            Notifications.success(account.username() + " may now be taken over by the identity provider.");
        } catch (InvalidInputException e) {
            linkErrors.show(e);
        }
        refreshLinks();
    }

    private Button withdrawButton(User user) {
        var withdraw = new Button(
                "Withdraw",
                event -> Actions.perform(
                        () -> singleSignOn.withdrawLinking(currentUser.actor(), user.id()),
                        user.username() + " stays a local account.",
                        this::refreshLinks));
        withdraw.setAriaLabel("Withdraw the permission to take over " + user.username());
        return withdraw;
    }

    private void createToken() {
        tokenErrors.clear();
        try {
            var created = provisioningTokens.create(currentUser.actor(), tokenName.getValue());
            tokenName.clear();
            var dialog = new NewProvisioningTokenDialog(created, setup.scimBaseUrl());
            getContent().add(dialog);
            dialog.open();
        } catch (InvalidInputException e) {
            tokenErrors.show(e);
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refreshTokens();
    }

    private Button revokeButton(ProvisioningToken token) {
        var revoke = new Button("Revoke", event -> Confirmations.destructive(
                        "Revoke " + Quotes.quoted(token.name()) + "?",
                        "SCIM requests presenting " + token.hint() + " are refused from now on. This cannot"
                                + " be undone.",
                        "Revoke",
                        () -> Actions.perform(
                                () -> provisioningTokens.revoke(currentUser.actor(), token.id()),
                                "The provisioning token was revoked.",
                                this::refreshTokens))
                .open());
        revoke.setAriaLabel("Revoke " + token.name());
        return revoke;
    }

    private void refreshLinks() {
        allowedLinks.setItems(singleSignOn.accountsAllowedToLink(currentUser.actor()));
    }

    private void refreshTokens() {
        tokens.setItems(provisioningTokens.list(currentUser.actor()));
    }

    private static List<String> lines(TextArea area) {
        return Arrays.asList(area.getValue().split("\\R"));
    }
}
