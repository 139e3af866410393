package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
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

/**
 * The sign-in page. The form posts to Spring Security with the page's CSRF token; a failed attempt comes back with
 * {@code ?error}, and the message never says whether the username, the password or the account's status was the
 * problem. A post without a valid token (a page left open too long, or another site's form) comes back with
 * {@code ?expired}.
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

    private final LoginForm form = new LoginForm();

    public LoginView() {
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(createTexts());

        var layout = getContent();
        layout.addClassName("tk-login");
        layout.setSizeFull();
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        layout.add(new H1("Tokenkeeper"), new Paragraph("Personal API tokens for your team"), form);
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
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var texts = createTexts();
        if (parameters.containsKey("expired")) {
            texts.getErrorMessage().setTitle(EXPIRED_TITLE);
            texts.getErrorMessage().setMessage(EXPIRED_MESSAGE);
        } else if (parameters.containsKey("throttled")) {
            texts.getErrorMessage().setTitle(THROTTLED_TITLE);
            texts.getErrorMessage().setMessage(THROTTLED_MESSAGE);
        }
        form.setI18n(texts);
        form.setError(parameters.containsKey("error")
                || parameters.containsKey("expired")
                || parameters.containsKey("throttled"));
    }
}
