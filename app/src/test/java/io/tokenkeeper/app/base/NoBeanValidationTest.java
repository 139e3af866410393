package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring MVC never builds a Bean Validation factory ({@link NoBeanValidation}): it binds request input with a
 * validator that supports no type, and no handler — the API's, springdoc's, the actuator's — has a parameter that
 * asks for validation, which that validator would then silently skip.
 */
@ApplicationTest
class NoBeanValidationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void spring_mvc_binds_request_input_with_the_validator_that_supports_no_type() {
        var adapter = context.getBean(RequestMappingHandlerAdapter.class);
        var binding = (ConfigurableWebBindingInitializer) adapter.getWebBindingInitializer();

        assertThat(binding).isNotNull();
        assertThat(binding.getValidator()).isSameAs(NoBeanValidation.NONE);
        assertThat(context.getBean("mvcValidator")).isSameAs(NoBeanValidation.NONE);
        assertThat(NoBeanValidation.NONE.supports(Object.class)).isFalse();
    }

    @Test
    void no_handler_parameter_asks_for_validation() {
        var handlers = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().values().stream())
                .toList();
        var asking = handlers.stream()
                .flatMap(handler -> Arrays.stream(handler.getMethodParameters()))
                .filter(NoBeanValidationTest::asksForValidation)
                .map(parameter -> parameter.getMethod() + " #" + parameter.getParameterIndex())
                .toList();

        assertThat(handlers).as("the API's handlers are looked at").hasSizeGreaterThan(20);
        assertThat(asking).isEmpty();
    }

    @Test
    void the_check_finds_a_parameter_marked_valid_or_constrained() throws Exception {
        var method = Fixture.class.getDeclaredMethod("create", Object.class, String.class, String.class);

        assertThat(asksForValidation(new MethodParameter(method, 0))).isTrue();
        assertThat(asksForValidation(new MethodParameter(method, 1))).isTrue();
        assertThat(asksForValidation(new MethodParameter(method, 2))).isFalse();
    }

    /** What Spring MVC would validate: {@code @Valid}, {@code @Validated} and the like, or a Bean Validation constraint. */
    private static boolean asksForValidation(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations())
                .anyMatch(annotation -> ValidationAnnotationUtils.determineValidationHints(annotation) != null
                        || isConstraint(annotation));
    }

    private static boolean isConstraint(Annotation annotation) {
        return AnnotationUtils.findAnnotation(annotation.annotationType(), Constraint.class) != null;
    }

    /** Parameters that ask for validation, and one that does not. */
    static final class Fixture {

        void create(@Valid Object body, @NotNull String name, String note) {}
    }
}
