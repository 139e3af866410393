package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import io.tokenkeeper.domain.user.Privilege;
import java.util.List;
import java.util.stream.Collectors;

/** Shown to a signed-in user who opens a page their privileges do not allow. */
@ParentLayout(MainLayout.class)
@PageTitle("Access denied | Tokenkeeper")
public final class AccessDeniedView extends Composite<VerticalLayout>
        implements HasErrorParameter<AccessDeniedException> {

    static final String MESSAGE =
            "You don't have the privilege this page needs. Ask an administrator if you think you should.";

    private final Paragraph message = new Paragraph(MESSAGE);

    public AccessDeniedView() {
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.add(new H2("Access denied"), message, new RouterLink("Go to your profile", home()));
    }

    /** E.g. "This page needs the Administrator privilege, which your account does not have. Ask …". */
    static String messageFor(List<Privilege> required) {
        if (required.isEmpty()) {
            return MESSAGE;
        }
        String names = required.stream().map(Privilege::label).collect(Collectors.joining(" or the "));
        return "This page needs the " + names + " privilege, which your account does not have. Ask an administrator"
                + " if you think you should.";
    }

    /** The page at the root path, which every signed-in user may open: their profile. */
    private static Class<? extends Component> home() {
        return RouteConfiguration.forSessionScope().getRoute("").orElseThrow();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        var target = RouteConfiguration.forSessionScope()
                .getRoute(event.getLocation().getPath())
                .map(RouteAccess::requiredPrivileges)
                .orElse(List.of());
        message.setText(messageFor(target));
        return 403;
    }
}
