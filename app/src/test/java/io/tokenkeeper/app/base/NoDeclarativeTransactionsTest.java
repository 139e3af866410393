package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application leaves out Spring Boot's {@code TransactionAutoConfiguration} (application.properties), so nothing
 * makes {@code @Transactional} work: its transactions are jOOQ's. An annotated class or method would run without a
 * transaction and never say so; this scans the whole application for either annotation, Spring's and Jakarta's.
 */
class NoDeclarativeTransactionsTest {

    private static final List<String> ANNOTATIONS =
            List.of(Transactional.class.getName(), "jakarta.transaction.Transactional");

    @Test
    void the_transaction_auto_configuration_is_left_out() throws Exception {
        var properties = PropertiesLoaderUtils.loadAllProperties("application.properties");

        assertThat(properties.getProperty("spring.autoconfigure.exclude"))
                .contains("org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration");
    }

    @Test
    void no_class_or_method_of_the_application_asks_for_a_declarative_transaction() {
        var found = findTransactional("io.tokenkeeper");

        assertThat(found)
                .as("only this test's own annotated class, which shows the scan would find one in the application")
                .containsExactly(AnnotatedOnAMethod.class.getName());
    }

    private static List<String> findTransactional(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // interfaces, abstract and nested classes too
            }
        };
        scanner.addIncludeFilter((reader, factory) -> asksForATransaction(reader.getAnnotationMetadata()));
        var found = new ArrayList<String>();
        scanner.findCandidateComponents(basePackage).forEach(bean -> found.add(bean.getBeanClassName()));
        return found;
    }

    private static boolean asksForATransaction(AnnotationMetadata metadata) {
        return ANNOTATIONS.stream()
                .anyMatch(annotation -> metadata.isAnnotated(annotation) || metadata.hasAnnotatedMethods(annotation));
    }

    /** What the scan must find. */
    static final class AnnotatedOnAMethod {

        @Transactional
        void work() {}
    }
}
