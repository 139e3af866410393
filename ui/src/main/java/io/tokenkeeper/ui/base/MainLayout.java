package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
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
import org.jspecify.annotations.Nullable;

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
    private @Nullable Popover userMenu;
    private @Nullable RadioButtonGroup<ColorSchemeChoice> colourSchemes;

    public MainLayout(
            CurrentUser currentUser, RouteAccess access, NotificationService notifications, TokenService tokens) {
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        addToNavbar(toggle, new NotificationBell(notifications, tokens, currentUser), createUserMenu());
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

    /**
     * The person's name with their avatar, a button that opens a small panel: the colour scheme (light, dark, or as the
     * system says) and Sign out. Ordinary buttons and radio buttons, so Tab, Space and Escape are all it takes.
     */
    private HorizontalLayout createUserMenu() {
        var user = currentUser.user();
        var name = user.displayName().value();
        var avatar = new Avatar(name);
        avatar.addThemeName("xsmall");
        // The avatar repeats the name next to it, so it stays out of the button's accessible name.
        avatar.getElement().setAttribute("aria-hidden", "true");
        var label = new Span(name);
        label.addClassName("tk-user-name");
        var trigger = new Button(label);
        trigger.setPrefixComponent(avatar);
        trigger.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        trigger.setAriaLabel("User menu of " + name);
        trigger.getElement().setAttribute("aria-haspopup", "dialog");

        var bar = new HorizontalLayout(trigger);
        trigger.addClickListener(event -> openUserMenu(bar, trigger));
        bar.addClassName("tk-user-menu");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    /**
     * Opens the user menu's panel, made on the first click only: most sessions never open it, and every page of
     * theirs would otherwise carry it.
     */
    private void openUserMenu(HorizontalLayout bar, Button trigger) {
        if (userMenu == null) {
            var schemes = new RadioButtonGroup<ColorSchemeChoice>("Colours");
            schemes.setItems(ColorSchemeChoice.values());
            schemes.setItemLabelGenerator(ColorSchemeChoice::label);
            schemes.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            schemes.addValueChangeListener(event -> {
                if (event.isFromClient() && event.getValue() != null) {
                    event.getValue().apply(UI.getCurrent());
                }
            });
            var signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), event -> currentUser.signOut());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

            var panel = new Popover(new VerticalLayout(schemes, signOut));
            panel.setTarget(trigger);
            panel.setOpenOnClick(false);
            panel.setOpenOnFocus(false);
            panel.setOpenOnHover(false);
            panel.setAutofocus(true);
            panel.setAriaLabel("User menu");
            panel.setPosition(PopoverPosition.BOTTOM_END);
            bar.add(panel);
            userMenu = panel;
            colourSchemes = schemes;
        }
        colourSchemes.setValue(ColorSchemeChoice.current(UI.getCurrent()));
        userMenu.open();
    }
}
