package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * What makes it right to build Vaadin's Lookup without its scan: the scan would find nothing in production. If one of
 * these fails, someone added a Vaadin service implementation or a Vaadin module that the scan must see — remove
 * {@link VaadinLookupWithoutScan} or teach it about the addition.
 */
class VaadinLookupWithoutScanTest {

    @Test
    void the_application_implements_none_of_the_service_types_vaadin_scans_its_packages_for() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true; // abstract classes and interfaces too, as Vaadin's scan counts them
            }
        };
        var serviceTypes = LookupServletContainerInitializer.class
                .getAnnotation(HandlesTypes.class)
                .value();
        assertThat(serviceTypes).as("Vaadin's Lookup service types").isNotEmpty();
        for (var type : serviceTypes) {
            scanner.addIncludeFilter(new AssignableTypeFilter(type));
        }

        var found = new ArrayList<String>();
        scanner.findCandidateComponents("io.tokenkeeper").forEach(bean -> found.add(bean.getBeanClassName()));
        var inVaadinSpring = new ArrayList<String>();
        scanner.findCandidateComponents("com.vaadin.flow.spring")
                .forEach(bean -> inVaadinSpring.add(bean.getBeanClassName()));

        assertThat(found).isEmpty();
        assertThat(inVaadinSpring)
                .as("the same scan finds Vaadin's own implementation, so it would find one of ours")
                .contains("com.vaadin.flow.spring.SpringLookupInitializer");
    }

    @Test
    void none_of_the_vaadin_packages_the_scan_also_reads_is_on_the_class_path() {
        assertThat(VaadinLookupWithoutScan.anyVaadinServicePackagePresent(
                        getClass().getClassLoader()))
                .isFalse();
    }

    @Test
    void with_vaadins_development_server_on_the_class_path_vaadin_scans_as_before(@TempDir Path classes)
            throws Exception {
        Files.createDirectories(classes.resolve("com/vaadin/base/devserver"));

        try (var loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(VaadinLookupWithoutScan.anyVaadinServicePackagePresent(loader))
                    .isTrue();
        }
    }
}
