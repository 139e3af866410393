package io.tokenkeeper.domain.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void names_the_field_and_carries_the_message() {
        var exception = new InvalidInputException("displayName", "Enter a display name.");

        assertThat(exception.field()).isEqualTo("displayName");
        assertThat(exception).hasMessage("Enter a display name.").isInstanceOf(DomainException.class);
    }

    @Test
    void carries_no_stack_trace_cause_or_suppressed_exception() {
        var exception = new InvalidInputException("email", "Use at most 254 characters.");
        exception.addSuppressed(new IllegalStateException("ignored"));

        assertThat(exception.getStackTrace()).isEmpty();
        assertThat(exception).hasNoCause();
        assertThat(exception.getSuppressed()).isEmpty();
    }
}
