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

/** Shown to a signed-in user who opens a page their privileges do not allow. */
@ParentLayout(MainLayout.class)
@PageTitle("Access denied | Tokenkeeper")
public final class AccessDeniedView extends Composite<VerticalLayout>
        implements HasErrorParameter<AccessDeniedException> {

    static final String MESSAGE =
            "You don't have the privilege this page needs. Ask an administrator if you think you should.";

    public AccessDeniedView() {
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.add(new H2("Access denied"), new Paragraph(MESSAGE), new RouterLink("Go to your profile", home()));
    }

    /** The page at the root path, which every signed-in user may open: their profile. */
    private static Class<? extends Component> home() {
        return RouteConfiguration.forSessionScope().getRoute("").orElseThrow();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return 403;
    }
}
