package io.tokenkeeper.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivilegeTest {

    @Test
    void shows_the_names_people_see_in_the_product() {
        assertThat(Privilege.API_ACCESS.label()).isEqualTo("API Access");
        assertThat(Privilege.ADMINISTRATOR.label()).isEqualTo("Administrator");
    }

    @Test
    void has_exactly_api_access_and_administrator() {
        assertThat(Privilege.values()).containsExactly(Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
    }
}
