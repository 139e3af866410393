package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aNewToken;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqTokenUsageTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenUsage usage = new JooqTokenUsage(dsl);

    private Token token;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        var alice = aTokenUser("alice");
        token = tokens.insert(aNewToken(alice.id(), "Deploy"));
    }

    @Test
    void records_the_first_use_with_its_address() {
        assertThat(usage.recordUse(token.id(), NOW, "192.0.2.10")).isTrue();

        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(NOW);
        assertThat(stored.lastUsedIp()).isEqualTo("192.0.2.10");
    }

    @Test
    void writes_at_most_once_per_interval() {
        usage.recordUse(token.id(), NOW, "192.0.2.10");

        var soon = NOW.plus(TokenUsage.INTERVAL).minus(Duration.ofMillis(1));
        assertThat(usage.recordUse(token.id(), soon, "198.51.100.7")).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedIp()).isEqualTo("192.0.2.10");

        var later = NOW.plus(TokenUsage.INTERVAL);
        assertThat(usage.recordUse(token.id(), later, "198.51.100.7")).isTrue();
        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(later);
        assertThat(stored.lastUsedIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void leaves_a_revoked_token_alone() {
        tokens.revoke(token.id(), token.ownerId(), NOW);

        assertThat(usage.recordUse(token.id(), NOW, "192.0.2.10")).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void keeps_at_most_64_characters_of_an_address() {
        usage.recordUse(token.id(), NOW, "f".repeat(80));

        assertThat(tokens.find(token.id()).orElseThrow().lastUsedIp()).hasSize(64);
    }
}
