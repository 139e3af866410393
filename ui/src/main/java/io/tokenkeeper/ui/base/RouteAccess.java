package io.tokenkeeper.ui.base;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pages the signed-in user may open, by the privileges stored now. Spring Security checks a page's
 * {@link RolesAllowed} against the roles granted at sign-in; installed on every UI, this listener checks them again
 * against the database on every navigation, so a privilege removed mid-session closes its pages at the next click. A
 * role in {@code @RolesAllowed} is the name of a {@link Privilege}; a disabled account holds none.
 */
public final class RouteAccess implements BeforeEnterListener {

    private final CurrentUser currentUser;

    public RouteAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var required = requiredRoles(event.getNavigationTarget());
        // Nobody signed in: Vaadin's own access control sends them to the sign-in page.
        if (required.isEmpty() || !currentUser.isSignedIn()) {
            return;
        }
        if (Collections.disjoint(required, rolesHeldNow())) {
            event.rerouteToError(AccessDeniedException.class, "A privilege this page needs is missing.");
        }
    }

    /**
     * The entries of {@code @Menu} pages the signed-in user may open, in menu order: Vaadin's list (which respects the
     * roles granted at sign-in) narrowed to the privileges held now.
     */
    public List<MenuEntry> menuEntries() {
        var held = rolesHeldNow();
        return MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() != null)
                .filter(entry -> {
                    var required = requiredRoles(entry.menuClass());
                    return required.isEmpty() || !Collections.disjoint(required, held);
                })
                .toList();
    }

    private Set<String> rolesHeldNow() {
        User user = currentUser.user();
        if (!user.enabled()) {
            return Set.of();
        }
        return user.privileges().stream().map(Privilege::name).collect(Collectors.toSet());
    }

    /** The privileges of which a page needs one, e.g. Administrator for the Users page; empty for every page else. */
    public static List<Privilege> requiredPrivileges(Class<?> target) {
        return requiredRoles(target).stream().map(Privilege::valueOf).sorted().toList();
    }

    private static Set<String> requiredRoles(Class<?> target) {
        var annotation = target.getAnnotation(RolesAllowed.class);
        return annotation == null ? Set.of() : Set.of(annotation.value());
    }
}
