package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.WebComponentExporter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.startup.AnnotationValidator;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import com.vaadin.flow.server.startup.WebComponentExporterAwareValidator;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Vaadin scans only the package that {@link VaadinConfig} names for routes, layouts, error views, web components, the
 * app shell and the annotations it validates. A class of that kind anywhere else in the application would be
 * silently ignored — a view that answers 404 — so this scans the whole application for them, as Vaadin would without
 * the setting.
 */
class VaadinScanTest {

    private static final String VIEWS = "io.tokenkeeper.ui";

    @Test
    void vaadin_scans_the_views_package() {
        assertThat(VaadinConfig.class.getAnnotation(EnableVaadin.class).value()).containsExactly(VIEWS);
    }

    @Test
    void every_class_vaadin_looks_for_is_in_the_views_package() {
        var found = findWhatVaadinLooksFor("io.tokenkeeper");

        assertThat(found)
                .as("the same scan finds the views, so it would find one elsewhere")
                .contains(
                        "io.tokenkeeper.ui.token.ApiTokensView",
                        "io.tokenkeeper.ui.base.AppShell",
                        "io.tokenkeeper.ui.base.AccessDeniedView");
        assertThat(found).allSatisfy(name -> assertThat(name).startsWith(VIEWS + "."));
    }

    private static List<String> findWhatVaadinLooksFor(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // abstract classes too, as Vaadin's scan counts them
            }
        };
        var annotations =
                new ArrayList<Class<? extends Annotation>>(List.of(Route.class, RouteAlias.class, Layout.class));
        annotations.addAll(VaadinAppShellInitializer.getValidAnnotations());
        annotations.addAll(new AnnotationValidator()
                .getAnnotations().stream().map(VaadinScanTest::asAnnotation).toList());
        annotations.addAll(new WebComponentExporterAwareValidator()
                .getAnnotations().stream().map(VaadinScanTest::asAnnotation).toList());
        annotations.forEach(annotation -> scanner.addIncludeFilter(new AnnotationTypeFilter(annotation)));
        var types = new ArrayList<Class<?>>(List.of(HasErrorParameter.class, WebComponentExporter.class));
        types.addAll(VaadinAppShellInitializer.getValidSupers());
        types.forEach(type -> scanner.addIncludeFilter(new AssignableTypeFilter(type)));

        var found = new ArrayList<String>();
        scanner.findCandidateComponents(basePackage).forEach(bean -> found.add(bean.getBeanClassName()));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> asAnnotation(Class<?> type) {
        assertThat(type.isAnnotation()).as("%s is an annotation", type).isTrue();
        return (Class<? extends Annotation>) type;
    }
}
