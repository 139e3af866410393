package io.tokenkeeper.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.user.Privilege;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private static final SignInPolicy POLICY = new SignInPolicy(
            List.of(
                    GroupMapping.of("g", "tokenkeeper-users", Privilege.API_ACCESS),
                    GroupMapping.of("g", "/Developers", Privilege.API_ACCESS),
                    GroupMapping.of("g", "tokenkeeper-admins", Privilege.ADMINISTRATOR)),
            false);

    @Test
    void a_member_of_a_mapped_group_holds_its_privilege_whatever_the_case() {
        assertThat(POLICY.privilegesFor(List.of("TOKENKEEPER-USERS"), Set.of())).containsExactly(Privilege.API_ACCESS);
        assertThat(POLICY.privilegesFor(List.of("/developers", "tokenkeeper-admins"), Set.of()))
                .containsExactlyInAnyOrder(Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
    }

    @Test
    void leaving_every_mapped_group_takes_the_privilege_away() {
        assertThat(POLICY.privilegesFor(List.of("staff"), Set.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR)))
                .isEmpty();
    }

    @Test
    void a_privilege_no_group_maps_to_is_left_as_it_was() {
        var apiOnly = new SignInPolicy(List.of(GroupMapping.of("g", "users", Privilege.API_ACCESS)), false);

        assertThat(apiOnly.mappedPrivileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(apiOnly.privilegesFor(List.of(), Set.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS)))
                .containsExactly(Privilege.ADMINISTRATOR);
        assertThat(SignInPolicy.DEFAULT.privilegesFor(List.of("users"), Set.of(Privilege.API_ACCESS)))
                .containsExactly(Privilege.API_ACCESS);
    }

    @Test
    void group_names_are_trimmed_and_must_be_visible_text_without_a_token() {
        assertThat(GroupMapping.of("g", "  users ", Privilege.API_ACCESS).group())
                .isEqualTo("users");
        assertThatThrownBy(() -> GroupMapping.of("g", "users\tadmins", Privilege.API_ACCESS))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GroupMapping.of("g", "x".repeat(257), Privilege.API_ACCESS))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GroupMapping.of("g", "tks_" + "a".repeat(40), Privilege.API_ACCESS))
                .hasMessageContaining("looks like an API token");
    }

    @Test
    void lists_the_groups_of_each_privilege_in_their_order() {
        assertThat(POLICY.groupsFor(Privilege.API_ACCESS)).containsExactly("tokenkeeper-users", "/Developers");
        assertThat(POLICY.groupsFor(Privilege.ADMINISTRATOR)).containsExactly("tokenkeeper-admins");
    }
}
