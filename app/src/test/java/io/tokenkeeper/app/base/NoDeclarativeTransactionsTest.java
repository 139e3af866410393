package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PropertiesLoaderUtils;
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
        var found = AnnotatedClasses.below("io.tokenkeeper", ANNOTATIONS);

        assertThat(found)
                .as("only this test's own annotated class, which shows the scan would find one in the application")
                .containsExactly(AnnotatedOnAMethod.class.getName());
    }

    /** What the scan must find. */
    static final class AnnotatedOnAMethod {

        @Transactional
        void work() {}
    }
}
