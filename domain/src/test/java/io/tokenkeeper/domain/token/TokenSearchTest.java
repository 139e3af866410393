package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.token.TokenSearch.Column;
import io.tokenkeeper.domain.token.TokenSearch.Direction;
import java.security.SecureRandom;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSearchTest {

    private static final Instant MORNING = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-28T20:00:00Z");

    @Test
    void lists_every_token_newest_first_by_default() {
        assertThat(TokenSearch.ALL.text()).isEmpty();
        assertThat(TokenSearch.ALL.sortBy()).isEqualTo(Column.CREATED);
        assertThat(TokenSearch.ALL.direction()).isEqualTo(Direction.DESCENDING);
        assertThat(TokenSearch.ALL.isAscending()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00A0", "\u3000 "})
    void a_blank_text_matches_everything(String blank) {
        var search = TokenSearch.ALL.matching(blank);

        assertThat(search).isEqualTo(TokenSearch.ALL);
        assertThat(search.ownerPrefix()).isEmpty();
        assertThat(search.namePrefix()).isEmpty();
        assertThat(search.hintPrefix()).isEmpty();
        assertThat(search.valueDigest()).isEmpty();
    }

    @Test
    void trims_and_composes_the_text_and_folds_case_the_way_names_compare() {
        var search = TokenSearch.ALL.matching("  Stra\u00DFe Cafe\u0301 ");

        assertThat(search.text()).isEqualTo("Stra\u00DFe Caf\u00E9");
        assertThat(search.namePrefix()).contains("strasse caf\u00E9");
        assertThat(search.ownerPrefix()).as("no username has a space").isEmpty();
    }

    @Test
    void looks_for_owners_only_when_the_text_could_start_a_username() {
        assertThat(TokenSearch.ALL.matching("Alice.Smith@corp").ownerPrefix()).contains("alice.smith@corp");
        assertThat(TokenSearch.ALL.matching("ci-bot_2").ownerPrefix()).contains("ci-bot_2");
        assertThat(TokenSearch.ALL.matching("caf\u00E9").ownerPrefix()).isEmpty();
        assertThat(TokenSearch.ALL.matching("a".repeat(65)).ownerPrefix()).isEmpty();
    }

    @Test
    void compares_the_start_of_a_value_as_far_as_a_hint_keeps_it() {
        assertThat(TokenSearch.ALL.matching("tkp_").hintPrefix()).contains("tkp_");
        assertThat(TokenSearch.ALL.matching("tkp_Ab1").hintPrefix()).contains("tkp_Ab1");
        assertThat(TokenSearch.ALL.matching("tkp_Ab12Cd34").hintPrefix()).contains("tkp_Ab12");
        assertThat(TokenSearch.ALL.matching("tkp_Ab12\u2026wx").hintPrefix()).contains("tkp_Ab12\u2026wx");
        assertThat(TokenSearch.ALL.matching("TKP_Ab12").hintPrefix())
                .as("values are case-sensitive")
                .isEmpty();
        assertThat(TokenSearch.ALL.matching("Ab12").hintPrefix()).isEmpty();
    }

    @Test
    void finds_a_whole_value_by_its_digest_and_never_shows_it() {
        var secret = TokenSecret.generate(new SecureRandom());

        var search = TokenSearch.ALL.matching(secret.reveal());

        assertThat(search.valueDigest()).contains(secret.digest());
        assertThat(search.hintPrefix()).isEmpty();
        assertThat(search.toString()).doesNotContain(secret.reveal()).contains("42 characters");
        var broken = secret.reveal().substring(0, 41) + (secret.reveal().endsWith("A") ? "B" : "A");
        assertThat(TokenSearch.ALL.matching(broken).valueDigest()).isEmpty();
    }

    @Test
    void refuses_a_long_text_or_an_invisible_character() {
        assertInvalid(
                () -> TokenSearch.ALL.matching("x".repeat(101)), "text", "Use at most 100 characters (this has 101).");
        assertInvalid(
                () -> TokenSearch.ALL.matching("zero\u200Bwidth"),
                "text",
                "This contains an invisible or control character; remove it.");
        assertThat(TokenSearch.ALL.matching("\uD83D\uDD11".repeat(100)).text()).hasSize(200);
    }

    @Test
    void keeps_a_creation_range_that_ends_after_it_starts() {
        var search = TokenSearch.ALL.createdBetween(MORNING, EVENING);

        assertThat(search.createdFrom()).isEqualTo(MORNING);
        assertThat(search.createdTo()).isEqualTo(EVENING);
        assertThat(TokenSearch.ALL.createdBetween(MORNING, null).createdTo()).isNull();
        assertInvalid(
                () -> TokenSearch.ALL.createdBetween(EVENING, MORNING),
                "createdTo",
                "The end of the range must come after its start.");
        assertInvalid(
                () -> TokenSearch.ALL.createdBetween(MORNING, MORNING),
                "createdTo",
                "The end of the range must come after its start.");
        assertInvalid(
                () -> TokenSearch.ALL.createdBetween(Instant.parse("-0001-01-01T00:00:00Z"), null),
                "createdFrom",
                "Choose a time between the years 1 and 9999.");
    }

    @Test
    void changes_one_criterion_at_a_time() {
        var search = TokenSearch.ALL
                .matching("alice")
                .createdBetween(MORNING, null)
                .atResourceServer("https://orders.example.com")
                .sortedBy(Column.STATUS, Direction.ASCENDING);

        assertThat(search)
                .isEqualTo(new TokenSearch(
                        "alice", MORNING, null, "https://orders.example.com", Column.STATUS, Direction.ASCENDING));
        assertThat(search.matching("bob").createdFrom()).isEqualTo(MORNING);
        assertThat(search.matching("bob").resourceServer()).isEqualTo("https://orders.example.com");
        assertThat(search.createdBetween(null, null).text()).isEqualTo("alice");
        assertThat(search.isAscending()).isTrue();
    }

    @Test
    void a_blank_resource_server_means_every_token() {
        assertThat(TokenSearch.ALL.atResourceServer("  ").resourceServer()).isNull();
        assertThat(TokenSearch.ALL
                        .atResourceServer(" https://orders.example.com ")
                        .resourceServer())
                .isEqualTo("https://orders.example.com");
    }

    @Test
    void refuses_a_resource_server_identifier_longer_than_any_can_be() {
        assertThatThrownBy(() -> TokenSearch.ALL.atResourceServer("urn:" + "x".repeat(200)))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("resourceServer");
    }

    private static void assertInvalid(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }
}
