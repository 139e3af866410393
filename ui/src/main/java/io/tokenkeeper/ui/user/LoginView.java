package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.tokenkeeper.ui.base.SignInSetup;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sign-in page. The form posts to Spring Security with the page's CSRF token; a failed attempt comes back with
 * {@code ?error}, and the message never says whether the username, the password or the account's status was the
 * problem. A post without a valid token (a page left open too long, or another site's form) comes back with
 * {@code ?expired}. When single sign-on is configured, "Sign in with …" leads to the identity provider, and a sign-in
 * through it that failed comes back with {@code ?sso=<reason>}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Tokenkeeper")
@AnonymousAllowed
public final class LoginView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String FAILED_TITLE = "Sign-in failed";
    static final String FAILED_MESSAGE =
            "The username or password is incorrect, or the account is disabled. Check both and try again.";
    static final String THROTTLED_TITLE = "Too many failed sign-ins";
    static final String THROTTLED_MESSAGE =
            "For your account's safety, sign-ins pause for a little while after several failures. Wait a minute, then"
                    + " try again.";
    static final String EXPIRED_TITLE = "Sign in again";
    static final String EXPIRED_MESSAGE =
            "This sign-in page had expired or the request did not come from it, so nothing was checked. Sign in again.";

    static final String SSO_TITLE = "Single sign-on failed";
    static final String PASSWORD_FOR_ADMINISTRATORS =
            "Passwords are for administrators only here; everyone else signs in with %s.";
    private static final Map<String, String> SSO_MESSAGES = Map.of(
            "failed", "The sign-in through %s did not complete, so nothing was changed. Try again.",
            "unavailable", "%s cannot be reached right now. Try again in a minute.",
            "no_username", "%s sent no username Tokenkeeper can use. Ask an administrator to check the settings.",
            "local_account",
                    "An account with your username already exists here and is not linked to %s. Ask an administrator"
                            + " to allow linking it, then sign in again.",
            "linked_to_another_person",
                    "Your username belongs to an account here that is linked to another person at %s. Ask an"
                            + " administrator.",
            "disabled", "Your account here is disabled. Ask an administrator.");

    private static final String USERNAME_KEY = "tokenkeeper.sign-in.username";

    private final LoginForm form = new LoginForm();
    private final SignInSetup setup;
    private final String provider;
    private final Paragraph passwordsForAdministrators = new Paragraph();

    public LoginView(SignInSetup setup) {
        this.setup = setup;
        this.provider = setup.identityProvider().orElse("the identity provider");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(createTexts());
        rememberUsername();

        var layout = getContent();
        layout.addClassName("tk-login");
        layout.setSizeFull();
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        layout.add(new H1("Tokenkeeper"), new Paragraph("Personal API tokens for your team"));
        setup.identityProvider().ifPresent(name -> layout.add(createSingleSignOn(name)));
        layout.add(form);
    }

    /** A link, not a button in a form: the provider's pages are reached by plain navigation. */
    private VerticalLayout createSingleSignOn(String name) {
        var signIn = new Anchor(setup.singleSignOnPath(), "Sign in with " + name);
        signIn.setRouterIgnore(true);
        signIn.addClassName("tk-sso-sign-in");
        passwordsForAdministrators.setText(PASSWORD_FOR_ADMINISTRATORS.formatted(name));
        passwordsForAdministrators.setVisible(false);
        var section = new VerticalLayout(signIn, passwordsForAdministrators);
        section.setPadding(false);
        section.setAlignItems(FlexComponent.Alignment.CENTER);
        return section;
    }

    /**
     * A failed sign-in comes back with the username still filled in: the browser keeps what was typed for this tab
     * only (never the password), and puts it back when the page says the attempt failed.
     */
    private void rememberUsername() {
        form.getElement()
                .executeJs(
                        "const form = this;"
                                + "form.addEventListener('login', e => {"
                                + " try { sessionStorage.setItem($0, e.detail.username); } catch (x) { } });"
                                + "if (new URLSearchParams(location.search).has('error')) {"
                                + " let name = null; try { name = sessionStorage.getItem($0); } catch (x) { }"
                                + " const fill = () => { const field = form.querySelector('[name=username]');"
                                + "  if (!field) { requestAnimationFrame(fill); return; }"
                                + "  if (name && !field.value) { field.value = name;"
                                + "   const password = form.querySelector('[name=password]');"
                                + "   if (password) { password.focus(); } } };"
                                + " fill(); }",
                        USERNAME_KEY);
    }

    private static LoginI18n createTexts() {
        var texts = LoginI18n.createDefault();
        texts.getForm().setTitle("Sign in");
        texts.getForm().setSubmit("Sign in");
        texts.getErrorMessage().setTitle(FAILED_TITLE);
        texts.getErrorMessage().setMessage(FAILED_MESSAGE);
        return texts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        passwordsForAdministrators.setVisible(
                setup.identityProvider().isPresent() && setup.passwordSignInAdministratorsOnly());
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var texts = createTexts();
        var sso = parameters.getOrDefault("sso", List.of()).stream()
                .map(SSO_MESSAGES::get)
                .filter(Objects::nonNull)
                .findFirst();
        if (sso.isPresent()) {
            texts.getErrorMessage().setTitle(SSO_TITLE);
            texts.getErrorMessage().setMessage(sso.get().formatted(provider));
        } else if (parameters.containsKey("expired")) {
            texts.getErrorMessage().setTitle(EXPIRED_TITLE);
            texts.getErrorMessage().setMessage(EXPIRED_MESSAGE);
        } else if (parameters.containsKey("throttled")) {
            texts.getErrorMessage().setTitle(THROTTLED_TITLE);
            texts.getErrorMessage().setMessage(THROTTLED_MESSAGE);
        }
        form.setI18n(texts);
        form.setError(parameters.containsKey("error")
                || sso.isPresent()
                || parameters.containsKey("expired")
                || parameters.containsKey("throttled"));
    }
}
