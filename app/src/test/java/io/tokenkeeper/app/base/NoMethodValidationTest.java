package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The application leaves out Spring Boot's {@code ValidationAutoConfiguration} (application.properties): it validates
 * input in its domain types, never with Bean Validation, and the auto-configuration's method validation
 * post-processor was looked at for every bean at start-up. Without it {@code @Validated} on a Spring bean would do
 * nothing, and say nothing; this scans the whole application for it. (Spring MVC's own validator stays.)
 */
class NoMethodValidationTest {

    @Test
    void the_validation_auto_configuration_is_left_out() throws Exception {
        var properties = PropertiesLoaderUtils.loadAllProperties("application.properties");

        assertThat(properties.getProperty("spring.autoconfigure.exclude"))
                .contains("org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration");
    }

    @Test
    void no_class_or_method_of_the_application_asks_for_method_validation() {
        var found = AnnotatedClasses.below("io.tokenkeeper", List.of(Validated.class.getName()));

        assertThat(found)
                .as("only this test's own annotated class, which shows the scan would find one in the application")
                .containsExactly(ValidatedBean.class.getName());
    }

    /** What the scan must find. */
    @Validated
    static final class ValidatedBean {}
}
