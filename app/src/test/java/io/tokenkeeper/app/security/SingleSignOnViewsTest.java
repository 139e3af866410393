package io.tokenkeeper.app.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.identity.IdentityLink;
import io.tokenkeeper.domain.identity.IdentityLinks;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.ui.base.SignInSetup;
import io.tokenkeeper.ui.user.LoginView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the pages show of single sign-on: the sign-in page's button and messages, and Profile without a password. */
class SingleSignOnViewsTest extends KaribuTest {

    @Autowired
    UserTestData testData;

    @Autowired
    UserStore users;

    @Autowired
    IdentityLinks links;

    @Autowired
    PolicyService policies;

    @Test
    void the_sign_in_page_offers_the_identity_provider_beside_the_form() {
        UI.getCurrent().navigate("login");

        var signIn = _get(Anchor.class, spec -> spec.withText("Sign in with " + TestIdentityProvider.NAME));
        assertThat(signIn.getHref()).isEqualTo("/oauth2/authorization/oidc");
        assertThat(signIn.getElement().hasAttribute("router-ignore")).isTrue();
        assertThat(_find(LoginForm.class)).hasSize(1);
    }

    @Test
    void without_single_sign_on_the_sign_in_page_has_the_form_alone() {
        var page = new LoginView(new SignInSetup() {
            @Override
            public Optional<String> identityProvider() {
                return Optional.empty();
            }

            @Override
            public String singleSignOnPath() {
                return "/oauth2/authorization/oidc";
            }

            @Override
            public Optional<String> issuer() {
                return Optional.empty();
            }

            @Override
            public String redirectUri() {
                return "";
            }

            @Override
            public String scimBaseUrl() {
                return "";
            }

            @Override
            public boolean passwordSignInAdministratorsOnly() {
                return false;
            }
        });

        assertThat(_find(page, Anchor.class)).isEmpty();
        assertThat(_find(page, LoginForm.class)).hasSize(1);
        assertThat(_find(page, Paragraph.class))
                .extracting(Paragraph::getText)
                .containsExactly("Personal API tokens for your team");
        assertThat(page.getElement().getChildCount()).isEqualTo(3);
    }

    @Test
    void a_refused_sign_in_through_the_provider_is_explained_on_the_sign_in_page() {
        UI.getCurrent().navigate("login", QueryParameters.of("sso", "local_account"));

        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("An account with your username already exists here and is not linked to Test IdP. Ask an"
                        + " administrator to allow linking it, then sign in again.");
    }

    @Test
    void an_unknown_reason_shows_no_error() {
        UI.getCurrent().navigate("login", QueryParameters.of("sso", "<b>anything</b>"));

        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void the_sign_in_page_says_when_passwords_are_for_administrators_only() {
        var admin = new Actor(testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), null);
        policies.updateSignInPolicy(admin, Map.of(), true);
        try {
            UI.getCurrent().navigate("login");

            assertThat(_get(
                                    Paragraph.class,
                                    spec -> spec.withText(
                                            "Passwords are for administrators only here; everyone else signs in with Test IdP."))
                            .isVisible())
                    .isTrue();
        } finally {
            policies.updateSignInPolicy(admin, Map.of(), false);
        }
    }

    @Test
    void an_account_the_identity_provider_manages_has_no_password_form_in_profile() {
        var user = testData.aUserWithApiAccess();
        users.removePassword(user.id(), Instant.now());
        links.save(IdentityLink.linked(user.id(), null, "ext-1"), Instant.now());
        TestSignIn.as(user);

        UI.getCurrent().navigate("settings/user-information");

        assertThat(_find(com.vaadin.flow.component.textfield.PasswordField.class))
                .isEmpty();
        assertThat(_find(Paragraph.class))
                .extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("You sign in through your organisation's identity provider"));
    }
}
