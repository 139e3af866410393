package io.tokenkeeper.app.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC without Bean Validation. Input is validated by the domain's types (STYLE.md), yet Vaadin brings Hibernate
 * Validator along, and with it on the class path Spring MVC would build a validator factory on the main thread at
 * every start (some 440 classes loaded and set up) that no request ever uses: no handler parameter asks for
 * {@code @Valid} or {@code @Validated}. Spring MVC takes this validator instead; it supports no type, so nothing is
 * ever validated by it. {@code NoBeanValidationTest} fails if a handler parameter asks for validation, and
 * the application's pom leaves out Spring Boot's validation module, which would otherwise bootstrap Hibernate
 * Validator on a thread of its own.
 */
@Configuration(proxyBeanMethods = false)
class NoBeanValidation implements WebMvcConfigurer {

    static final Validator NONE = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            throw new IllegalStateException("Tokenkeeper has no Bean Validation: validate with the domain's types");
        }
    };

    @Override
    public Validator getValidator() {
        return NONE;
    }
}
