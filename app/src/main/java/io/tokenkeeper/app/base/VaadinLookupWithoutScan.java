package io.tokenkeeper.app.base;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.spring.SpringLookupInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Vaadin's {@code Lookup} (how it finds its own services) made without Vaadin's class-path scan for it. At start-up
 * Vaadin's Spring integration scans the application's packages and three packages of its own for implementations of
 * its service types, and only then builds the Lookup from what it found plus Spring's beans; it skips the scan when
 * the servlet context already has a Lookup. The scan reads the super-classes of every view, half a second of a
 * three-second start on two cores (JFR). In production it finds nothing: the application implements none of those
 * types ({@code VaadinLookupWithoutScanTest} checks), and the three packages belong to Vaadin's development server,
 * Hilla and Polymer templates, which are not on the class path. So the Lookup is built here from what the scan
 * would find; when one of those packages is present (Vaadin's development mode), Vaadin scans as before.
 */
final class VaadinLookupWithoutScan implements ServletContextInitializer {

    /** The packages Vaadin scans for services besides the application's, as class-path directories. */
    static final List<String> VAADIN_SERVICE_PACKAGES = List.of(
            "com/vaadin/hilla/frontend/",
            "com/vaadin/flow/component/polymertemplate/rpc/",
            "com/vaadin/base/devserver/");

    @Override
    public void onStartup(ServletContext servletContext) throws ServletException {
        if (anyVaadinServicePackagePresent(VaadinLookupWithoutScan.class.getClassLoader())) {
            return;
        }
        new LookupServletContainerInitializer()
                .process(Set.of(LookupInitializer.class, SpringLookupInitializer.class), servletContext);
    }

    static boolean anyVaadinServicePackagePresent(ClassLoader loader) {
        return VAADIN_SERVICE_PACKAGES.stream().anyMatch(path -> loader.getResource(path) != null);
    }
}
