package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuEntry;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.token.TokenService;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The frame around every signed-in page: product name, side navigation and the user menu.
 *
 * <p>The side navigation lists the {@code @Menu} pages the user may open, grouped by the first segment of their path:
 * {@code /administration/users} is the item "Users" in the group "Administration". A page further down
 * ({@code /settings/user-information/api-tokens}) is a tab of the page whose path it extends and is not listed here.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private static final Map<String, VaadinIcon> GROUP_ICONS =
            Map.of("settings", VaadinIcon.COG, "administration", VaadinIcon.SHIELD);

    private final CurrentUser currentUser;

    public MainLayout(
            CurrentUser currentUser, RouteAccess access, NotificationService notifications, TokenService tokens) {
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), new NotificationBell(notifications, tokens, currentUser), createUserMenu());
        addToDrawer(createBrand(), createNavigation(access));
    }

    private Span createBrand() {
        var brand = new Span("Tokenkeeper");
        brand.addClassName("tk-brand");
        return brand;
    }

    private static SideNav createNavigation(RouteAccess access) {
        var navigation = new SideNav();
        var groups = new LinkedHashMap<String, SideNavItem>();
        for (MenuEntry entry : access.menuEntries()) {
            String[] segments = entry.path().replaceFirst("^/", "").split("/");
            if (segments.length == 1) {
                navigation.addItem(createItem(entry));
            } else if (segments.length == 2) {
                groups.computeIfAbsent(segments[0], MainLayout::createGroup).addItem(createItem(entry));
            }
        }
        groups.values().forEach(navigation::addItem);
        return navigation;
    }

    private static SideNavItem createGroup(String segment) {
        var group = new SideNavItem(segment.substring(0, 1).toUpperCase(Locale.ROOT) + segment.substring(1));
        var icon = GROUP_ICONS.get(segment);
        if (icon != null) {
            group.setPrefixComponent(icon.create());
        }
        group.setExpanded(true);
        return group;
    }

    private static SideNavItem createItem(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.menuClass());
        if (entry.icon() != null && !entry.icon().isBlank()) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
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
