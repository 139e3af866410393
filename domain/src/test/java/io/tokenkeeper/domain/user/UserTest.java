package io.tokenkeeper.domain.user;

import static io.tokenkeeper.domain.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void administers_only_while_enabled_and_holding_administrator() {
        var administrator = EnumSet.of(Privilege.ADMINISTRATOR);

        assertThat(aUser().withPrivileges(administrator).build().mayAdminister())
                .isTrue();
        assertThat(aUser().withPrivileges(administrator).disabled().build().mayAdminister())
                .isFalse();
        assertThat(aUser().withPrivileges(EnumSet.of(Privilege.API_ACCESS))
                        .build()
                        .mayAdminister())
                .isFalse();
    }

    @Test
    void uses_the_api_only_while_enabled_and_holding_api_access() {
        var apiAccess = EnumSet.of(Privilege.API_ACCESS);

        assertThat(aUser().withPrivileges(apiAccess).build().mayUseTheApi()).isTrue();
        assertThat(aUser().withPrivileges(apiAccess).disabled().build().mayUseTheApi())
                .isFalse();
        assertThat(aUser().withPrivileges(EnumSet.of(Privilege.ADMINISTRATOR))
                        .build()
                        .mayUseTheApi())
                .isFalse();
    }

    @Test
    void keeps_its_own_copy_of_the_privileges() {
        Set<Privilege> given = EnumSet.of(Privilege.API_ACCESS);
        User user = aUser().withPrivileges(given).build();

        given.add(Privilege.ADMINISTRATOR);

        assertThat(user.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(user.isAdministrator()).isFalse();
    }

    @Test
    void copies_privileges_from_any_kind_of_set() {
        Set<Privilege> given = new HashSet<>(Set.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        User user = aUser().withPrivileges(given).build();

        given.clear();

        assertThat(user.privileges()).containsExactlyInAnyOrder(Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
    }

    @Test
    void does_not_let_the_privileges_be_changed() {
        User user = aUser().withPrivileges(EnumSet.of(Privilege.API_ACCESS)).build();

        assertThatThrownBy(() -> user.privileges().add(Privilege.ADMINISTRATOR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.privileges().remove(Privilege.API_ACCESS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(user.privileges()).containsExactly(Privilege.API_ACCESS);
    }

    @Test
    void accepts_no_privileges_and_keeps_that_unchangeable() {
        Set<Privilege> given = new HashSet<>();
        User user = aUser().withPrivileges(given).build();

        given.add(Privilege.ADMINISTRATOR);

        assertThat(user.privileges()).isEmpty();
        assertThat(user.has(Privilege.API_ACCESS)).isFalse();
        assertThat(user.isAdministrator()).isFalse();
        assertThatThrownBy(() -> user.privileges().add(Privilege.API_ACCESS))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void has_exactly_the_privileges_it_was_given() {
        User apiUser = aUser().withPrivileges(EnumSet.of(Privilege.API_ACCESS)).build();

        assertThat(apiUser.has(Privilege.API_ACCESS)).isTrue();
        assertThat(apiUser.has(Privilege.ADMINISTRATOR)).isFalse();
    }

    @Test
    void is_an_administrator_only_with_the_administrator_privilege() {
        User admin = aUser().withPrivileges(EnumSet.of(Privilege.ADMINISTRATOR)).build();
        User apiUser = aUser().withPrivileges(EnumSet.of(Privilege.API_ACCESS)).build();
        User both = aUser().withPrivileges(EnumSet.allOf(Privilege.class)).build();

        assertThat(admin.isAdministrator()).isTrue();
        assertThat(admin.has(Privilege.API_ACCESS)).isFalse();
        assertThat(apiUser.isAdministrator()).isFalse();
        assertThat(both.isAdministrator()).isTrue();
        assertThat(both.has(Privilege.API_ACCESS)).isTrue();
    }

    @Test
    void equals_a_user_with_the_same_privileges_given_in_another_set() {
        User fromEnumSet =
                aUser().withPrivileges(EnumSet.allOf(Privilege.class)).build();
        User fromHashSet = aUser().withPrivileges(new HashSet<>(Set.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS)))
                .build();

        assertThat(fromEnumSet).isEqualTo(fromHashSet).hasSameHashCodeAs(fromHashSet);
    }

    @Test
    void rejects_a_missing_privilege_in_the_set() {
        Set<Privilege> withNull = new HashSet<>();
        withNull.add(null);

        assertThatThrownBy(() -> aUser().withPrivileges(withNull).build()).isInstanceOf(NullPointerException.class);
    }
}
