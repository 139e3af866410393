package io.tokenkeeper.persistence.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** A role that may not create pg_trgm gets a start-up error that says what to run, not a migration stack trace. */
class RequiredExtensionsTest {

    @Test
    void a_role_that_may_not_create_the_extension_is_told_what_to_run() {
        try (var scratch = TestDatabase.emptyDatabase();
                var limited = limitedRole(scratch)) {
            assertThatThrownBy(() -> migrate(limited))
                    .rootCause()
                    .isInstanceOfSatisfying(MissingExtensionException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo("The PostgreSQL extension pg_trgm is not installed in database \""
                                        + scratch.name() + "\", and the role \"tk_limited\" may not create it.");
                        assertThat(e.remedy()).contains("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
                    });
            assertThat(DSL.using(limited, SQLDialect.POSTGRES)
                            .fetchCount(
                                    DSL.table("information_schema.tables"),
                                    DSL.field("table_name").eq("app_user")))
                    .as("nothing was migrated")
                    .isZero();
        }
    }

    @Test
    void the_same_role_migrates_once_an_administrator_created_the_extension() {
        try (var scratch = TestDatabase.emptyDatabase();
                var limited = limitedRole(scratch)) {
            DSL.using(scratch.dataSource(), SQLDialect.POSTGRES).execute("create extension pg_trgm");

            migrate(limited);

            assertThat(DSL.using(limited, SQLDialect.POSTGRES).fetchCount(DSL.table("app_user")))
                    .isZero();
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .callbacks(new RequiredExtensions())
                .load()
                .migrate();
    }

    /** A login role that owns nothing and may create tables in the public schema but not extensions. */
    private static HikariDataSource limitedRole(TestDatabase.ScratchDatabase scratch) {
        var admin = DSL.using(scratch.dataSource(), SQLDialect.POSTGRES);
        admin.execute("do $$ begin if not exists (select from pg_roles where rolname = 'tk_limited')"
                + " then create role tk_limited login password 'tk_limited'; end if; end $$");
        admin.execute("revoke create on database " + scratch.name() + " from public, tk_limited");
        admin.execute("grant create, usage on schema public to tk_limited");
        var config = new HikariConfig();
        config.setJdbcUrl(scratch.dataSource().getJdbcUrl().replaceFirst("\\?.*$", ""));
        config.setUsername("tk_limited");
        config.setPassword("tk_limited");
        config.setMaximumPoolSize(5);
        return new HikariDataSource(config);
    }
}
