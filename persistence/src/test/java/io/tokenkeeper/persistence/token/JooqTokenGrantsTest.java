package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aNewToken;
import static io.tokenkeeper.persistence.token.TokenTestData.aSecret;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static io.tokenkeeper.persistence.token.TokenTestData.anAdministrator;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.persistence.base.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqTokenGrantsTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenGrants grants = new JooqTokenGrants(dsl);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void finds_a_token_with_its_owner_and_the_owner_s_privileges_by_digest() {
        var admin = anAdministrator("root");
        aTokenUser("bob");
        var secret = aSecret();
        var token = tokens.insert(aNewToken(admin.id(), "Deploy", secret));
        tokens.insert(aNewToken(admin.id(), "Other"));

        var grant = grants.findByDigest(secret.digest()).orElseThrow();

        assertThat(grant.token()).isEqualTo(token);
        assertThat(grant.owner()).isEqualTo(admin);
        assertThat(grant.owner().privileges()).containsExactlyInAnyOrder(Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
        assertThat(grant.token().isUsableAt(NOW)).isTrue();
        assertThat(grant.ownerMayUseTheApi()).isTrue();
    }

    @Test
    void finds_nothing_for_an_unknown_digest() {
        tokens.insert(aNewToken(aTokenUser("alice").id(), "Deploy"));

        assertThat(grants.findByDigest(aSecret().digest())).isEmpty();
    }

    @Test
    void sees_revocation_and_the_owner_s_state_as_stored_now() {
        var alice = aTokenUser("alice");
        var secret = aSecret();
        var token = tokens.insert(aNewToken(alice.id(), "Deploy", secret));
        dsl.execute(
                "update app_user set enabled = false where id = ?", alice.id().value());
        dsl.execute("delete from user_privilege where user_id = ?", alice.id().value());
        tokens.revoke(token.id(), alice.id(), NOW);

        var grant = grants.findByDigest(secret.digest()).orElseThrow();

        assertThat(grant.token().isRevoked()).isTrue();
        assertThat(grant.owner().enabled()).isFalse();
        assertThat(grant.owner().privileges()).isEmpty();
        assertThat(grant.token().isUsableAt(NOW)).isFalse();
        assertThat(grant.ownerMayUseTheApi()).isFalse();
    }
}
