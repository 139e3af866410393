package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.tokenkeeper.ui.base.MainLayout;
import io.tokenkeeper.ui.base.RouteAccess;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings › User Information: a heading, one tab per page about the signed-in user, and the chosen page. The tabs are
 * the {@code @Menu} pages at and below {@link #PATH} that the user may open, in menu order; the page at the path itself
 * is the Profile tab, the others are named by their menu title. Each tab is a plain link in a labelled navigation, the
 * current one marked {@code aria-current="page"}: they lead to pages, so they are links, not ARIA tabs.
 */
@PermitAll
@ParentLayout(MainLayout.class)
public final class UserInformationLayout extends Composite<VerticalLayout>
        implements RouterLayout, AfterNavigationObserver {

    /** The route of the section; the routes of its other tabs extend it. */
    public static final String PATH = "settings/user-information";

    private static final String FIRST_TAB = "Profile";

    private final Map<Class<? extends Component>, RouterLink> tabs = new LinkedHashMap<>();
    private final Nav tabBar = new Nav();
    private final Div page = new Div();

    public UserInformationLayout(RouteAccess access) {
        for (var entry : access.menuEntries()) {
            String path = entry.path().replaceFirst("^/", "");
            if (path.equals(PATH)) {
                addTab(FIRST_TAB, entry.menuClass());
            } else if (path.startsWith(PATH + "/")) {
                addTab(entry.title(), entry.menuClass());
            }
        }
        tabBar.setAriaLabel("User Information");
        tabBar.addClassName("tk-tabs");
        page.setWidthFull();

        var layout = getContent();
        layout.addClassName("tk-page");
        layout.add(new H2("User Information"), tabBar, page);
    }

    private void addTab(String label, Class<? extends Component> view) {
        var link = new RouterLink(label, view);
        link.addClassName("tk-tab");
        tabs.put(view, link);
        tabBar.add(link);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        page.removeAll();
        page.getElement().appendChild(Objects.requireNonNull(content).getElement());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        var current = event.getActiveChain().stream()
                .map(Object::getClass)
                .filter(tabs::containsKey)
                .findFirst()
                .orElse(null);
        tabs.forEach((view, link) -> {
            if (view == current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
        });
    }
}
