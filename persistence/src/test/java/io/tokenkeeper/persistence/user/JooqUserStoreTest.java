package io.tokenkeeper.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqUserStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");

    private final JooqUserStore store = new JooqUserStore(TestDatabase.dsl());

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void creates_a_user_with_privileges_and_reads_it_back_by_id_and_username() {
        var created = store.create(newUser("Alice", EnumSet.of(Privilege.API_ACCESS)), NOW);

        assertThat(created.username().value()).isEqualTo("Alice");
        assertThat(created.displayName().value()).isEqualTo("Alice Example");
        assertThat(created.email()).isEqualTo(new EmailAddress("alice@example.com"));
        assertThat(created.enabled()).isTrue();
        assertThat(created.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(created.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
        assertThat(store.findById(created.id())).contains(created);
        assertThat(store.findByUsername("alice")).contains(created);
        assertThat(store.findByUsername("ALICE")).contains(created);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void a_user_without_privileges_has_an_empty_set() {
        var created = store.create(newUser("bob", Set.of()), NOW);

        assertThat(store.findById(created.id()).orElseThrow().privileges()).isEmpty();
    }

    @Test
    void refuses_a_username_that_differs_only_in_case() {
        store.create(newUser("carol", Set.of()), NOW);

        assertThatThrownBy(() -> store.create(newUser("CaRoL", Set.of()), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The username CaRoL is already taken.");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void updates_the_profile_and_the_update_time() {
        var created = store.create(newUser("dave", Set.of()), NOW);
        var later = NOW.plusSeconds(60);

        var updated = store.updateProfile(created.id(), DisplayName.of("David"), null, later);

        assertThat(updated.displayName().value()).isEqualTo("David");
        assertThat(updated.email()).isNull();
        assertThat(updated.updatedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void replaces_the_password_hash() {
        var created = store.create(newUser("erin", Set.of()), NOW);

        store.updatePasswordHash(created.id(), "{bcrypt}new-hash", NOW.plusSeconds(1));

        assertThat(store.passwordHash(created.id())).contains("{bcrypt}new-hash");
    }

    @Test
    void finds_nothing_for_unknown_ids_and_names() {
        assertThat(store.findById(new UserId(4242))).isEmpty();
        assertThat(store.findByUsername("nobody")).isEmpty();
        assertThat(store.passwordHash(new UserId(4242))).isEmpty();
    }

    @Test
    void the_database_refuses_a_malformed_username_even_past_the_domain() {
        assertThatThrownBy(() -> TestDatabase.dsl()
                        .execute("insert into app_user (username, display_name, password_hash, created_at, updated_at)"
                                + " values ('bad name', 'x', 'h', now(), now())"))
                .hasMessageContaining("app_user_username_format");
    }

    @Test
    void searches_username_display_name_and_email_ignoring_case_one_page_at_a_time() {
        store.create(newUser("Alice", Set.of()), NOW);
        store.create(newUser("bob", Set.of()), NOW);
        store.create(newUser("carol", Set.of()), NOW);

        assertThat(store.search("", 0, 10))
                .extracting(summary -> summary.user().username().value())
                .containsExactly("Alice", "bob", "carol");
        assertThat(store.search("", 1, 1))
                .extracting(summary -> summary.user().username().value())
                .containsExactly("bob");
        assertThat(store.search("EXAMPLE", 0, 10)).hasSize(3);
        assertThat(store.search("alice ex", 0, 10))
                .extracting(summary -> summary.user().username().value())
                .containsExactly("Alice");
        assertThat(store.search("CAROL@", 0, 10)).hasSize(1);
        assertThat(store.countMatching("example.com")).isEqualTo(3);
        assertThat(store.countMatching("bo")).isEqualTo(1);
    }

    @Test
    void search_treats_percent_and_underscore_as_plain_characters() {
        store.create(newUser("under_score", Set.of()), NOW);
        store.create(newUser("underxscore", Set.of()), NOW);

        assertThat(store.search("r_s", 0, 10))
                .extracting(summary -> summary.user().username().value())
                .containsExactly("under_score");
        assertThat(store.countMatching("%")).isZero();
    }

    @Test
    void counts_each_users_tokens_that_are_not_revoked() {
        var user = store.create(newUser("holder", Set.of(Privilege.API_ACCESS)), NOW);
        TestDatabase.dsl()
                .execute(
                        "insert into api_token (owner_id, name, name_key, digest, hint, created_at, revoked_at)"
                                + " values (?, 'a', 'a', decode(repeat('01', 32), 'hex'), 'tkp_abcd…wxyz', now(), null),"
                                + " (?, 'b', 'b', decode(repeat('02', 32), 'hex'), 'tkp_abcd…wxyz', now(), now())",
                        user.id().value(),
                        user.id().value());

        assertThat(store.search("holder", 0, 1).getFirst().activeTokens()).isEqualTo(1);
    }

    @Test
    void changes_enabled_and_privileges() {
        var user = store.create(newUser("frank", EnumSet.of(Privilege.API_ACCESS)), NOW);

        store.setEnabled(user.id(), false, NOW.plusSeconds(1));
        store.setPrivileges(user.id(), EnumSet.of(Privilege.ADMINISTRATOR), NOW.plusSeconds(2));

        var changed = store.findById(user.id()).orElseThrow();
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.privileges()).containsExactly(Privilege.ADMINISTRATOR);
        store.setPrivileges(user.id(), Set.of(), NOW.plusSeconds(3));
        assertThat(store.findById(user.id()).orElseThrow().privileges()).isEmpty();
    }

    @Test
    void counts_only_enabled_administrators() {
        store.create(newUser("admin1", EnumSet.of(Privilege.ADMINISTRATOR)), NOW);
        var second = store.create(newUser("admin2", EnumSet.of(Privilege.ADMINISTRATOR)), NOW);
        store.create(newUser("plain", EnumSet.of(Privilege.API_ACCESS)), NOW);

        assertThat(store.countEnabledAdministrators()).isEqualTo(2);
        store.setEnabled(second.id(), false, NOW);
        assertThat(store.countEnabledAdministrators()).isEqualTo(1);
    }

    @Test
    void an_account_without_a_password_is_stored_and_a_password_can_be_removed() {
        var provisioned =
                store.create(new NewUser(new Username("provisioned"), DisplayName.of("P"), null, null, Set.of()), NOW);
        var local = store.create(newUser("local", Set.of()), NOW);

        store.removePassword(local.id(), NOW);

        assertThat(store.passwordHash(provisioned.id())).isEmpty();
        assertThat(store.passwordHash(local.id())).isEmpty();
    }

    @Test
    void renames_a_user_unless_another_one_has_the_name_ignoring_case() {
        var alice = store.create(newUser("alice", Set.of()), NOW);
        store.create(newUser("bob", Set.of()), NOW);

        assertThat(store.rename(alice.id(), new Username("Alice.Smith"), NOW)
                        .username()
                        .value())
                .isEqualTo("Alice.Smith");
        assertThatThrownBy(() -> store.rename(alice.id(), new Username("BOB"), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The username BOB is already taken.");
        assertThat(store.findByUsername("alice.smith")).isPresent();
    }

    static NewUser newUser(String username, Set<Privilege> privileges) {
        return new NewUser(
                new Username(username),
                DisplayName.of(username.equals("Alice") ? "Alice Example" : username),
                new EmailAddress(username.toLowerCase() + "@example.com"),
                "{bcrypt}hash",
                privileges);
    }
}
