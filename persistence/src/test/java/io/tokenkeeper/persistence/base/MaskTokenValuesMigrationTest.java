package io.tokenkeeper.persistence.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** V10 masks the token values that older versions let people store in names, reasons and the audit log. */
class MaskTokenValuesMigrationTest {

    private static final String VALUE = "tkp_Ab12" + "x".repeat(30) + "Q9z8Zz";
    private static final String MASKED = "tkp_Ab12…";

    @Test
    void masks_token_values_in_every_free_text_column_and_leaves_other_text_alone() {
        try (var scratch = TestDatabase.emptyDatabase()) {
            var database = scratch.dataSource();
            Flyway.configure().dataSource(database).target("9").load().migrate();
            var sql = DSL.using(database, SQLDialect.POSTGRES);
            sql.execute("insert into app_user (username, display_name, email, password_hash, created_at, updated_at)"
                    + " values ('alice', 'Alice " + VALUE + "', '" + VALUE + "@example.com', 'x', now(), now()),"
                    + " ('bob', 'Bob tkp_short', null, 'x', now(), now())");
            sql.execute("insert into api_token (owner_id, name, name_key, digest, hint, created_at)"
                    + " values (1, 'CI " + VALUE + "', 'ci " + VALUE.toLowerCase() + "', sha256('a'), 'tkp_Ab12…z8Zz',"
                    + " now()), (1, 'deploy', 'deploy', sha256('b'), 'tkp_Cd34…YyYy', now())");
            sql.execute("insert into token_freeze (owner_id, reason, frozen_at) values (1, 'leaked " + VALUE
                    + " in chat', now())");
            sql.execute("insert into audit_event (occurred_at, actor_name, action, target_type, target_name, details)"
                    + " values (now(), 'alice', 'TOKEN_CREATED', 'token', 'CI " + VALUE + "', 'Created \"CI " + VALUE
                    + "\"')");

            Flyway.configure().dataSource(database).load().migrate();

            assertThat(sql.fetchValue("select display_name from app_user where username = 'alice'"))
                    .isEqualTo("Alice " + MASKED);
            assertThat(sql.fetchValue("select email from app_user where username = 'alice'"))
                    .isEqualTo("tkp_Ab12@example.com");
            assertThat(sql.fetchValue("select display_name from app_user where username = 'bob'"))
                    .isEqualTo("Bob tkp_short");
            assertThat(sql.fetch("select name, name_key from api_token order by id")
                            .map(r -> r.get(0) + "|" + r.get(1)))
                    .containsExactly("CI " + MASKED + "|ci tkp_ab12…", "deploy|deploy");
            assertThat(sql.fetchValue("select reason from token_freeze")).isEqualTo("leaked " + MASKED + " in chat");
            assertThat(sql.fetch("select target_name, details from audit_event")
                            .get(0)
                            .intoList())
                    .containsExactly("CI " + MASKED, "Created \"CI " + MASKED + "\"");
        }
    }
}
