package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The application leaves out two of Spring Boot's auto-configurations that look at every bean at start-up for
 * annotations it never uses (application.properties):
 *
 * <ul>
 *   <li>{@code TransactionAutoConfiguration}, so nothing makes {@code @Transactional} work: its transactions are
 *       jOOQ's, and an annotated class or method would run without a transaction and never say so;
 *   <li>{@code ValidationAutoConfiguration}, so nothing makes {@code @Validated} beans validate their methods' input:
 *       input is validated by the domain's types. Spring Boot's whole validation module is left out of the build
 *       (Spring MVC's side: {@link NoBeanValidationTest}).
 * </ul>
 *
 * Spring MVC's {@code FormContentFilter} is off too: request bodies are JSON.
 *
 * <p>These tests scan the whole application for those annotations, and each finds its own annotated fixture, which shows
 * the scan would find one in the application.
 */
class LeftOutAutoConfigurationsTest {

    @Test
    void the_transaction_auto_configuration_is_left_out() throws Exception {
        var properties = PropertiesLoaderUtils.loadAllProperties("application.properties");

        assertThat(properties.getProperty("spring.autoconfigure.exclude"))
                .contains("org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration");
    }

    @Test
    void spring_mvc_parses_no_form_bodies() throws Exception {
        var properties = PropertiesLoaderUtils.loadAllProperties("application.properties");

        assertThat(properties.getProperty("spring.mvc.formcontent.filter.enabled"))
                .isEqualTo("false");
    }

    /** With the module, its background pre-initializer would build a Hibernate Validator factory at every start. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
                "org.springframework.boot.validation.autoconfigure.JakartaValidationBackgroundPreinitializer"
            })
    void spring_boots_validation_module_is_not_on_the_class_path(String className) {
        assertThat(ClassUtils.isPresent(className, getClass().getClassLoader())).isFalse();
    }

    @Test
    void no_class_or_method_of_the_application_asks_for_a_declarative_transaction() {
        assertThat(annotatedWithAny(List.of(Transactional.class.getName(), "jakarta.transaction.Transactional")))
                .containsExactly(TransactionalFixture.class.getName());
    }

    @Test
    void no_class_or_method_of_the_application_asks_for_method_validation() {
        assertThat(annotatedWithAny(List.of(Validated.class.getName())))
                .containsExactly(ValidatedFixture.class.getName());
    }

    /**
     * The classes below {@code io.tokenkeeper} with any of the annotations on the class or a method: interfaces,
     * abstract and nested classes too, read from their class files.
     */
    private static List<String> annotatedWithAny(List<String> annotations) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> carriesAny(reader.getAnnotationMetadata(), annotations));
        var found = new ArrayList<String>();
        scanner.findCandidateComponents("io.tokenkeeper").forEach(bean -> found.add(bean.getBeanClassName()));
        return found;
    }

    private static boolean carriesAny(AnnotationMetadata metadata, List<String> annotations) {
        return annotations.stream()
                .anyMatch(annotation -> metadata.isAnnotated(annotation) || metadata.hasAnnotatedMethods(annotation));
    }

    /** What the transaction scan must find. */
    static final class TransactionalFixture {

        @Transactional
        void work() {}
    }

    /** What the validation scan must find. */
    @Validated
    static final class ValidatedFixture {}
}
