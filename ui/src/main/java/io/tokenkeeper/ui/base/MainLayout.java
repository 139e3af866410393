package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.tokenkeeper.ui.audit.AuditLogView;
import io.tokenkeeper.ui.policy.PolicyView;
import io.tokenkeeper.ui.token.TokenManagementView;
import io.tokenkeeper.ui.user.ProfileView;
import io.tokenkeeper.ui.user.UsersView;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in page: product name, side navigation and the user menu. */
@PermitAll
public final class MainLayout extends AppLayout {

    private final CurrentUser currentUser;

    public MainLayout(CurrentUser currentUser) {
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), createUserMenu());
        addToDrawer(createBrand(), createNavigation());
    }

    private Span createBrand() {
        var brand = new Span("Tokenkeeper");
        brand.addClassName("tk-brand");
        return brand;
    }

    private SideNav createNavigation() {
        var settings = new SideNavItem("Settings");
        settings.setPrefixComponent(VaadinIcon.COG.create());
        settings.addItem(new SideNavItem("User Information", ProfileView.class, VaadinIcon.USER.create()));
        settings.setExpanded(true);
        var navigation = new SideNav();
        navigation.addItem(settings);
        if (currentUser.user().isAdministrator()) {
            var administration = new SideNavItem("Administration");
            administration.setPrefixComponent(VaadinIcon.SHIELD.create());
            administration.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.USERS.create()));
            administration.addItem(
                    new SideNavItem("Token Management", TokenManagementView.class, VaadinIcon.KEY.create()));
            administration.addItem(new SideNavItem("Audit Log", AuditLogView.class, VaadinIcon.RECORDS.create()));
            administration.addItem(new SideNavItem("Policy", PolicyView.class, VaadinIcon.SLIDERS.create()));
            administration.setExpanded(true);
            navigation.addItem(administration);
        }
        return navigation;
    }

    private HorizontalLayout createUserMenu() {
        var user = currentUser.user();
        var name = user.displayName().value();
        var avatar = new Avatar(name);
        avatar.addThemeName("xsmall");
        var label = new Span(name);
        var trigger = new HorizontalLayout(avatar, label);
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);

        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", "User menu");
        var item = menu.addItem(trigger);
        item.getSubMenu().addItem("Sign out", event -> currentUser.signOut());

        var bar = new HorizontalLayout(menu);
        bar.addClassName("tk-user-menu");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }
}
