package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.token.TokenManagementTestData.aToken;
import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenSearch.Column;
import io.tokenkeeper.domain.token.TokenSearch.Direction;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JooqTokenDirectoryTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final JooqTokenDirectory directory = new JooqTokenDirectory(TestDatabase.dsl());

    private User alice;
    private User bob;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        alice = aTokenUser("alice");
        bob = aTokenUser("Bob");
    }

    @Test
    void lists_every_token_that_is_not_revoked_newest_first_with_its_owner() {
        var older = aToken(alice, "older").createdAt(NOW.minus(DAY)).store();
        var newer = aToken(bob, "newer").disabled().store();
        aToken(alice, "revoked").revoked().store();

        assertThat(directory.search(TokenSearch.ALL, NOW, 0, 10))
                .containsExactly(new ManagedToken(newer, bob.username()), new ManagedToken(older, alice.username()));
        assertThat(directory.count(TokenSearch.ALL, 100)).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"CREATED", "STATUS"})
    void marks_canaries_the_tokens_a_freeze_holds_and_those_whose_old_value_still_works(Column order) {
        var held = aToken(alice, "held").store();
        var enabledMeanwhile = aToken(alice, "enabled meanwhile").store();
        var rotating = aToken(bob, "rotating").store();
        var rotatedBefore = aToken(bob, "rotated before").store();
        var plain = aToken(bob, "plain").store();
        var decoy = aToken(bob, "decoy").store();
        TestDatabase.dsl()
                .update(API_TOKEN)
                .set(API_TOKEN.CANARY, true)
                .where(API_TOKEN.ID.eq(decoy.id().value()))
                .execute();
        new JooqTokenFreezes(TestDatabase.dsl()).freeze(alice.id(), "Leaked", bob.id(), NOW);
        TestDatabase.dsl()
                .update(API_TOKEN)
                .set(API_TOKEN.ENABLED, true)
                .where(API_TOKEN.ID.eq(enabledMeanwhile.id().value()))
                .execute();
        var lifecycle = new JooqTokenLifecycleStore(TestDatabase.dsl());
        var newValue = TokenTestData.aSecret();
        lifecycle.replaceValue(
                rotating.id(), newValue.digest(), newValue.hint(), null, NOW.minus(HOUR), NOW.plus(HOUR), true);
        var another = TokenTestData.aSecret();
        lifecycle.replaceValue(
                rotatedBefore.id(), another.digest(), another.hint(), null, NOW.minus(DAY), NOW.minus(HOUR), false);

        var rows = new HashMap<String, ManagedToken>();
        directory
                .search(TokenSearch.ALL.sortedBy(order, Direction.DESCENDING), NOW, 0, 10)
                .forEach(row -> rows.put(row.token().name().value(), row));

        assertThat(rows).hasSize(6);
        assertThat(rows.get("decoy").canary()).isTrue();
        assertThat(rows.get("plain").canary()).isFalse();
        assertThat(rows.get("held").frozen()).isTrue();
        assertThat(rows.get("enabled meanwhile").frozen()).isFalse();
        assertThat(rows.get("plain").frozen()).isFalse();
        var rotation = rows.get("rotating").rotation();
        assertThat(rotation).isNotNull();
        assertThat(rotation.token()).isEqualTo(rotating.id());
        assertThat(rotation.oldHint()).isEqualTo(rotating.hint());
        assertThat(rotation.oldValueRetiresAt()).isEqualTo(NOW.plus(HOUR));
        assertThat(rotation.untilFirstUse()).isTrue();
        assertThat(rows.get("rotated before").rotation()).isNull();
        assertThat(rows.get("plain").rotation()).isNull();
        assertThat(rows.get("held").rotation()).isNull();
    }

    @Test
    void finds_tokens_by_the_start_of_their_owners_username_ignoring_case() {
        var carol = aTokenUser("carol");
        var carolina = aTokenUser("Carolina");
        var ofCarol = aToken(carol, "deploy").store();
        var ofCarolina = aToken(carolina, "backup").store();
        aToken(alice, "laptop of carol").store();
        aToken(aTokenUser("mccarol"), "laptop").store();

        assertThat(ids(search("CAROL"))).containsExactlyInAnyOrder(ofCarol, ofCarolina);
        assertThat(ids(search("carolI"))).containsExactly(ofCarolina);
        assertThat(directory.count(TokenSearch.ALL.matching("carol"), 100)).isEqualTo(2);
    }

    @Test
    void finds_tokens_by_the_start_of_their_name_ignoring_case_as_names_compare() {
        var street = aToken(alice, "Straße scanner").store();
        var ci = aToken(bob, "CI deploy").store();
        aToken(bob, "Deploy CI").store();

        assertThat(ids(search("STRASSE"))).containsExactly(street);
        assertThat(ids(search("ci dep"))).containsExactly(ci);
        assertThat(ids(search("ci deploy!"))).isEmpty();
    }

    @Test
    void finds_a_token_by_the_first_characters_of_its_value_or_by_its_hint() {
        var secret = secretWhoseHintHasALetter();
        var token = aToken(alice, "found").withSecret(secret).store();
        var other = aToken(bob, "other").store();
        String value = secret.reveal();

        assertThat(ids(search(value.substring(0, 8)))).contains(token).doesNotContain(other);
        assertThat(ids(search(value.substring(0, 6)))).contains(token).doesNotContain(other);
        assertThat(ids(search(value.substring(0, 20))))
                .as("a longer start of the value is compared as far as the hint goes")
                .contains(token)
                .doesNotContain(other);
        assertThat(ids(search(secret.hint().value()))).containsExactly(token);
        assertThat(ids(search(TokenSecret.PREFIX + swapCase(value.substring(4, 8)))))
                .as("values are case-sensitive")
                .doesNotContain(token);
    }

    @Test
    void finds_exactly_the_token_of_a_whole_pasted_value() {
        var secret = TokenTestData.aSecret();
        var token = aToken(alice, "leaked").withSecret(secret).store();
        aToken(bob, "lookalike").store();

        assertThat(ids(search(secret.reveal()))).containsExactly(token);
        assertThat(ids(search("  " + secret.reveal() + " "))).containsExactly(token);
    }

    @Test
    void takes_wildcards_in_the_text_literally() {
        var percent = aToken(alice, "100% coverage").store();
        aToken(alice, "1000 coverage").store();
        var underscore = aToken(bob, "a_b").store();
        aToken(bob, "axb").store();
        var backslash = aToken(bob, "back\\slash").store();
        aToken(bob, "backxslash").store();

        assertThat(ids(search("100%"))).containsExactly(percent);
        assertThat(ids(search("a_"))).containsExactly(underscore);
        assertThat(ids(search("back\\"))).containsExactly(backslash);
        assertThat(ids(search("%"))).isEmpty();
    }

    @Test
    void filters_by_creation_time_from_inclusive_to_exclusive() {
        var atStart = aToken(alice, "at start").createdAt(NOW.minus(DAY)).store();
        var inside = aToken(alice, "inside").createdAt(NOW.minus(HOUR)).store();
        aToken(alice, "at end").createdAt(NOW).store();
        aToken(alice, "before").createdAt(NOW.minus(DAY).minusMillis(1)).store();

        var range = TokenSearch.ALL.createdBetween(NOW.minus(DAY), NOW);
        assertThat(ids(directory.search(range, NOW, 0, 10))).containsExactly(inside, atStart);
        assertThat(directory.count(range, 100)).isEqualTo(2);
        assertThat(directory.count(TokenSearch.ALL.createdBetween(NOW.minus(HOUR), null), 100))
                .isEqualTo(2);
        assertThat(directory.count(TokenSearch.ALL.createdBetween(null, NOW.minus(DAY)), 100))
                .isEqualTo(1);
    }

    @Test
    void combines_the_text_with_the_creation_time() {
        var recent = aToken(alice, "deploy recent").createdAt(NOW.minus(HOUR)).store();
        aToken(alice, "deploy old").createdAt(NOW.minus(DAY.multipliedBy(10))).store();
        aToken(bob, "other recent").createdAt(NOW.minus(HOUR)).store();

        var search = TokenSearch.ALL.matching("deploy").createdBetween(NOW.minus(DAY), null);
        assertThat(ids(directory.search(search, NOW, 0, 10))).containsExactly(recent);
        assertThat(directory.count(search, 100)).isEqualTo(1);
    }

    /**
     * Four tokens whose values give a different order in every column: a is enabled and never used or expiring, b is
     * disabled, c is enabled, d has expired.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "NAME,      ASCENDING,  b a c d",
        "NAME,      DESCENDING, d c a b",
        "TOKEN,     ASCENDING,  c d a b",
        "TOKEN,     DESCENDING, b a d c",
        "OWNER,     ASCENDING,  b a d c",
        "OWNER,     DESCENDING, c d a b",
        "CREATED,   ASCENDING,  b d c a",
        "CREATED,   DESCENDING, a c d b",
        "LAST_USED, ASCENDING,  a c d b",
        "LAST_USED, DESCENDING, b d c a",
        "EXPIRES,   ASCENDING,  d c b a",
        "EXPIRES,   DESCENDING, a b c d",
        "STATUS,    ASCENDING,  a c b d",
        "STATUS,    DESCENDING, d b a c"
    })
    void sorts_by_every_column_both_ways(Column column, Direction direction, String expected) {
        var tokens = Map.of(
                "a",
                aToken(aTokenUser("Bob2"), "beta")
                        .withSecret(secretWhoseHintStartsWith('c'))
                        .createdAt(NOW.minus(DAY))
                        .store(),
                "b",
                aToken(aTokenUser("alice2"), "alpha")
                        .withSecret(secretWhoseHintStartsWith('d'))
                        .createdAt(NOW.minus(DAY.multipliedBy(4)))
                        .lastUsedAt(NOW.minus(HOUR))
                        .expiresAt(NOW.plus(DAY.multipliedBy(5)))
                        .disabled()
                        .store(),
                "c",
                aToken(aTokenUser("dave"), "Delta")
                        .withSecret(secretWhoseHintStartsWith('a'))
                        .createdAt(NOW.minus(DAY.multipliedBy(2)))
                        .lastUsedAt(NOW.minus(HOUR.multipliedBy(3)))
                        .expiresAt(NOW.plus(DAY))
                        .store(),
                "d",
                aToken(aTokenUser("carol2"), "gamma")
                        .withSecret(secretWhoseHintStartsWith('b'))
                        .createdAt(NOW.minus(DAY.multipliedBy(3)))
                        .lastUsedAt(NOW.minus(HOUR.multipliedBy(2)))
                        .expiresAt(NOW.minus(HOUR))
                        .store());
        var order = Arrays.stream(expected.split(" ")).map(tokens::get).toList();

        var search = TokenSearch.ALL.sortedBy(column, direction);

        assertThat(ids(directory.search(search, NOW, 0, 10))).containsExactlyElementsOf(order);
        assertThat(ids(directory.search(search, NOW, 1, 2))).containsExactlyElementsOf(order.subList(1, 3));
    }

    @Test
    void sorts_by_status_as_of_the_given_time() {
        var expiresSoon =
                aToken(alice, "expires soon").expiresAt(NOW.plus(HOUR)).store();
        var never = aToken(alice, "never expires").createdAt(NOW.minus(DAY)).store();
        var byStatus = TokenSearch.ALL.sortedBy(Column.STATUS, Direction.DESCENDING);

        assertThat(ids(directory.search(byStatus, NOW, 0, 10))).containsExactly(expiresSoon, never);
        assertThat(ids(directory.search(byStatus, NOW.plus(HOUR), 0, 10)))
                .as("expired exactly at its expiry")
                .containsExactly(expiresSoon, never);
        assertThat(ids(directory.search(byStatus.sortedBy(Column.STATUS, Direction.ASCENDING), NOW.plus(HOUR), 0, 10)))
                .containsExactly(never, expiresSoon);
    }

    @Test
    void pages_through_equal_values_without_overlap_or_gap() {
        var stored = new ArrayList<Token>();
        for (int i = 0; i < 23; i++) {
            stored.add(aToken(i % 2 == 0 ? alice : bob, "same time " + i).store());
        }
        for (var column : Column.values()) {
            for (var direction : Direction.values()) {
                var search = TokenSearch.ALL.sortedBy(column, direction);
                var seen = new ArrayList<Token>();
                for (int offset = 0; offset < 30; offset += 5) {
                    seen.addAll(ids(directory.search(search, NOW, offset, 5)));
                }
                assertThat(seen).as(column + " " + direction).hasSize(23).containsExactlyInAnyOrderElementsOf(stored);
                assertThat(new HashSet<>(seen)).hasSize(23);
            }
        }
    }

    @Test
    void counts_no_further_than_asked() {
        for (int i = 0; i < 5; i++) {
            aToken(alice, "token " + i).store();
        }

        assertThat(directory.count(TokenSearch.ALL, 3)).isEqualTo(3);
        assertThat(directory.count(TokenSearch.ALL, 10)).isEqualTo(5);
        assertThat(directory.search(TokenSearch.ALL, NOW, 0, 0)).isEmpty();
    }

    @Test
    void finds_tokens_of_many_owners_whose_usernames_match() {
        var dsl = TestDatabase.dsl();
        dsl.execute("""
                insert into app_user (username, display_name, password_hash, created_at, updated_at)
                select 'crowd' || i, 'Crowd ' || i, '{bcrypt}x', now(), now() from generate_series(1, 10005) as i
                """);
        dsl.execute("""
                insert into api_token (owner_id, name, name_key, digest, hint, created_at)
                select u.id, 'token', 'token', sha256(u.username::bytea), 'tkp_abcd…wxyz', now()
                from app_user u where u.username like 'crowd%'
                """);
        var own = aToken(alice, "crowd control").store();

        assertThat(directory.count(TokenSearch.ALL.matching("crowd"), 20_000)).isEqualTo(10_006);
        assertThat(directory.count(TokenSearch.ALL.matching("crowd1000"), 20_000))
                .isEqualTo(7);
        assertThat(ids(directory.search(TokenSearch.ALL.matching("crowd c"), NOW, 0, 10)))
                .containsExactly(own);
    }

    private List<ManagedToken> search(String text) {
        return directory.search(TokenSearch.ALL.matching(text), NOW, 0, 100);
    }

    private static List<Token> ids(List<ManagedToken> rows) {
        return rows.stream().map(ManagedToken::token).toList();
    }

    /** A fresh value whose hint starts with {@code tkp_} and {@code first}: hints then sort the same in any collation. */
    private static TokenSecret secretWhoseHintStartsWith(char first) {
        while (true) {
            var secret = TokenTestData.aSecret();
            if (secret.hint().value().charAt(4) == first) {
                return secret;
            }
        }
    }

    private static TokenSecret secretWhoseHintHasALetter() {
        while (true) {
            var secret = TokenTestData.aSecret();
            if (secret.hint().value().substring(4, 8).chars().anyMatch(Character::isLetter)) {
                return secret;
            }
        }
    }

    private static String swapCase(String text) {
        var swapped = new StringBuilder();
        text.chars()
                .forEach(c -> swapped.append(
                        (char) (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))));
        return swapped.toString();
    }
}
