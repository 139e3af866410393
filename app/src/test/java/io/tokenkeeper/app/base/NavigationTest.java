package io.tokenkeeper.app.base;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.user.LoginView;
import io.tokenkeeper.ui.user.ProfileView;
import io.tokenkeeper.ui.user.UsersView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The side navigation and the User Information tabs follow the pages' {@code @Menu} and the privileges held now. */
class NavigationTest extends KaribuTest {

    private static final List<String> PRIVILEGED_PAGES = List.of(
            "settings/user-information/api-tokens",
            "administration/users",
            "administration/tokens",
            "administration/resource-servers",
            "administration/audit-log",
            "administration/policy");

    @Autowired
    UserTestData testData;

    @Autowired
    UserStore users;

    @Test
    void an_administrator_sees_settings_then_administration_with_its_six_pages() {
        TestSignIn.as(testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS)));

        UI.getCurrent().navigate(ProfileView.class);

        var groups = _find(SideNav.class);
        assertThat(groups).extracting(SideNav::getLabel).containsExactly("Settings", "Administration");
        assertThat(groups.getFirst().getItems())
                .extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("User Information", "settings/user-information"));
        assertThat(groups.getLast().getItems())
                .extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Users", "administration/users"),
                        org.assertj.core.groups.Tuple.tuple("Token Management", "administration/tokens"),
                        org.assertj.core.groups.Tuple.tuple("Resource Servers", "administration/resource-servers"),
                        org.assertj.core.groups.Tuple.tuple("Audit Log", "administration/audit-log"),
                        org.assertj.core.groups.Tuple.tuple("Policy", "administration/policy"),
                        org.assertj.core.groups.Tuple.tuple("Single Sign-On", "administration/single-sign-on"));
        assertThat(tabLabels()).containsExactly("Profile", "API Tokens");
    }

    @Test
    void a_user_without_privileges_sees_only_settings_and_the_profile_tab() {
        TestSignIn.as(testData.aUserWithoutPrivileges());

        UI.getCurrent().navigate(ProfileView.class);

        var groups = _find(SideNav.class);
        assertThat(groups).extracting(SideNav::getLabel).containsExactly("Settings");
        assertThat(groups.getFirst().getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly("User Information");
        assertThat(tabLabels()).containsExactly("Profile");
    }

    @Test
    void privileges_removed_mid_session_deny_their_pages_on_the_next_navigation() {
        var user = testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(user);
        UI.getCurrent().navigate(UsersView.class);
        NavigatorKt.expectView(UsersView.class);

        users.setPrivileges(user.id(), Set.of(), Instant.now());

        for (String page : PRIVILEGED_PAGES) {
            UI.getCurrent().navigate(page);
            NavigatorKt.expectView(AccessDeniedView.class);
            _assertNone(Grid.class);
        }
        UI.getCurrent().navigate(ProfileView.class);
        NavigatorKt.expectView(ProfileView.class);
    }

    @Test
    void after_a_reload_the_menu_and_tabs_leave_out_the_pages_of_removed_privileges() {
        var user = testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(user);
        UI.getCurrent().navigate(ProfileView.class);

        users.setPrivileges(user.id(), Set.of(), Instant.now());
        UI.getCurrent().refreshCurrentRoute(true);

        assertThat(_find(SideNav.class)).extracting(SideNav::getLabel).containsExactly("Settings");
        assertThat(tabLabels()).containsExactly("Profile");
    }

    @Test
    void a_disabled_account_is_denied_the_pages_its_privileges_opened() {
        User admin = testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        TestSignIn.as(admin);

        users.setEnabled(admin.id(), false, Instant.now());
        UI.getCurrent().navigate(UsersView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
    }

    @Test
    void an_anonymous_visitor_of_a_privileged_page_is_sent_to_sign_in() {
        for (String page : PRIVILEGED_PAGES) {
            UI.getCurrent().navigate(page);
            NavigatorKt.expectView(LoginView.class);
        }
    }

    @Test
    void the_access_denied_page_links_to_the_profile() {
        TestSignIn.as(testData.aUserWithoutPrivileges());

        UI.getCurrent().navigate(UsersView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withText("Go to your profile"))
                        .getHref())
                .isEqualTo("settings/user-information");
    }

    private static List<String> tabLabels() {
        return _get(Nav.class, spec -> spec.withAttribute("aria-label", "User Information"))
                .getChildren()
                .map(link -> ((RouterLink) link).getText())
                .toList();
    }
}
