package io.tokenkeeper.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditFilterTest {

    private static final Instant MORNING = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-28T20:00:00Z");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u00A0", "\u3000"})
    void treats_a_blank_text_as_any(String blank) {
        var filter = new AuditFilter(blank, null, blank, null, null);

        assertThat(filter.actor()).isNull();
        assertThat(filter.target()).isNull();
        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter).isEqualTo(AuditFilter.ALL);
    }

    @Test
    void trims_and_composes_the_texts() {
        var filter = new AuditFilter("  alice\t", null, "\u00A0Cafe\u0301 ", null, null);

        assertThat(filter.actor()).isEqualTo("alice");
        assertThat(filter.target()).isEqualTo("Caf\u00E9");
        assertThat(filter.isEmpty()).isFalse();
    }

    @Test
    void keeps_the_action_and_an_open_or_closed_time_range() {
        assertThat(new AuditFilter(null, AuditAction.TOKEN_REVOKED, null, null, null).action())
                .isEqualTo(AuditAction.TOKEN_REVOKED);
        assertThat(new AuditFilter(null, null, null, MORNING, null).from()).isEqualTo(MORNING);
        assertThat(new AuditFilter(null, null, null, null, EVENING).to()).isEqualTo(EVENING);
        var day = new AuditFilter(null, null, null, MORNING, EVENING);
        assertThat(day.from()).isEqualTo(MORNING);
        assertThat(day.to()).isEqualTo(EVENING);
    }

    @Test
    void accepts_100_characters_counted_in_code_points() {
        assertThat(new AuditFilter("😀".repeat(100), null, "a".repeat(100), null, null).actor())
                .hasSize(200);
    }

    @Test
    void rejects_more_than_100_characters_naming_the_field() {
        assertRejected(() -> new AuditFilter("a".repeat(101), null, null, null, null))
                .hasMessage("Use at most 100 characters (this has 101).")
                .extracting(InvalidInputException::field)
                .isEqualTo("actor");
        assertRejected(() -> new AuditFilter(null, null, "😀".repeat(101), null, null))
                .hasMessage("Use at most 100 characters (this has 101).")
                .extracting(InvalidInputException::field)
                .isEqualTo("target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "zero\u200Bwidth", "bidi\u202Eoverride"})
    void rejects_invisible_and_control_characters(String text) {
        assertRejected(() -> new AuditFilter(null, null, text, null, null))
                .hasMessage("This contains an invisible or control character; remove it.")
                .extracting(InvalidInputException::field)
                .isEqualTo("target");
        assertRejected(() -> new AuditFilter(text, null, null, null, null))
                .extracting(InvalidInputException::field)
                .isEqualTo("actor");
    }

    @Test
    void rejects_a_range_that_ends_before_it_starts() {
        assertRejected(() -> new AuditFilter(null, null, null, EVENING, MORNING))
                .hasMessage("The end of the time range must come after its start.")
                .extracting(InvalidInputException::field)
                .isEqualTo("to");
    }

    @Test
    void rejects_an_empty_range() {
        assertRejected(() -> new AuditFilter(null, null, null, MORNING, MORNING))
                .extracting(InvalidInputException::field)
                .isEqualTo("to");
    }

    @Test
    void accepts_the_years_1_to_9999_and_nothing_beyond() {
        var first = Instant.parse("0001-01-01T00:00:00Z");
        var last = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(new AuditFilter(null, null, null, first, last).from()).isEqualTo(first);

        assertRejected(() -> new AuditFilter(null, null, null, first.minusSeconds(1), null))
                .hasMessage("Choose a time between the years 1 and 9999.")
                .extracting(InvalidInputException::field)
                .isEqualTo("from");
        assertRejected(() -> new AuditFilter(null, null, null, null, last.plusSeconds(1)))
                .extracting(InvalidInputException::field)
                .isEqualTo("to");
    }

    private static AbstractThrowableAssert<?, InvalidInputException> assertRejected(ThrowingCallable construction) {
        return assertThatThrownBy(construction).asInstanceOf(throwable(InvalidInputException.class));
    }
}
