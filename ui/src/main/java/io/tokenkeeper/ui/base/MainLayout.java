package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The frame around every signed-in page: product name, side navigation and the user menu.
 *
 * <p>The side navigation lists the {@code @Menu} pages the user may open, grouped by the first segment of their path:
 * {@code /administration/users} is the item "Users" in the group "Administration", one labelled navigation per group
 * (always open: a group that folds away hides pages for no gain). A page further down
 * ({@code /settings/user-information/api-tokens}) is a tab of the page whose path it extends and is not listed here.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private final CurrentUser currentUser;

    public MainLayout(CurrentUser currentUser, RouteAccess access) {
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        addToNavbar(toggle, createUserMenu());
        addToDrawer(createBrand());
        createNavigation(access).values().forEach(this::addToDrawer);
    }

    private Span createBrand() {
        var brand = new Span("Tokenkeeper");
        brand.addClassName("tk-brand");
        return brand;
    }

    /** One side navigation per group, in the order of the groups' first pages. */
    private static Map<String, SideNav> createNavigation(RouteAccess access) {
        var groups = new LinkedHashMap<String, SideNav>();
        for (MenuEntry entry : access.menuEntries()) {
            String[] segments = entry.path().replaceFirst("^/", "").split("/");
            if (segments.length == 2) {
                groups.computeIfAbsent(segments[0], MainLayout::createGroup).addItem(createItem(entry));
            }
        }
        return groups;
    }

    private static SideNav createGroup(String segment) {
        var group = new SideNav(segment.substring(0, 1).toUpperCase(Locale.ROOT) + segment.substring(1));
        group.setCollapsible(false);
        group.addClassName("tk-navigation");
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
        // The avatar repeats the name next to it, so it stays out of the button's accessible name.
        avatar.getElement().setAttribute("aria-hidden", "true");
        var label = new Span(name);
        label.addClassName("tk-user-name");
        var trigger = new HorizontalLayout(avatar, label);
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);

        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", "User menu");
        var item = menu.addItem(trigger);
        item.setAriaLabel("User menu of " + name);
        var submenu = item.getSubMenu();
        var schemes = submenu.addItem("Colours").getSubMenu();
        var choices = new EnumMap<ColorSchemeChoice, MenuItem>(ColorSchemeChoice.class);
        for (var choice : ColorSchemeChoice.values()) {
            var option = schemes.addItem(choice.label(), event -> {
                choice.apply(UI.getCurrent());
                choices.forEach((other, entry) -> entry.setChecked(other == choice));
            });
            option.setCheckable(true);
            choices.put(choice, option);
        }
        addAttachListener(event -> {
            var current = ColorSchemeChoice.current(event.getUI());
            choices.forEach((choice, entry) -> entry.setChecked(choice == current));
        });
        submenu.addItem("Sign out", event -> currentUser.signOut());

        var bar = new HorizontalLayout(menu);
        bar.addClassName("tk-user-menu");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }
}
