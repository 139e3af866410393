package io.tokenkeeper.persistence.base;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * A real PostgreSQL for the persistence tests, migrated once per test run. Its {@link DSLContext} binds a
 * transaction's connection to the thread, as Spring's transaction provider does in the application, so that adapters
 * sharing it take part in {@link JooqTransactions}. Embedded by default; set
 * {@code TOKENKEEPER_TEST_DATABASE_URL} (plus {@code _USERNAME} / {@code _PASSWORD}) to use a server instead — its
 * tables are emptied between tests, so never point it at a database you care about.
 */
public final class TestDatabase {

    private static final DataSource DATA_SOURCE = start();
    private static final DSLContext DSL_CONTEXT = DSL.using(new DefaultConfiguration()
            .set(SQLDialect.POSTGRES)
            .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(DATA_SOURCE))));

    private TestDatabase() {}

    public static DSLContext dsl() {
        return DSL_CONTEXT;
    }

    public static DataSource dataSource() {
        return DATA_SOURCE;
    }

    /** Empties every table, so that each test starts from a fresh schema. */
    public static void clean() {
        DSL_CONTEXT.execute(
                "truncate table failure_bucket, trusted_ip_range, token_policy, group_privilege, sign_in_policy, provisioning_token, identity_link, token_freeze_item, token_freeze, api_token, audit_event, user_privilege, app_user restart identity cascade");
        // Tokenkeeper's own API is a resource server from the first migration on; only the others go.
        DSL_CONTEXT.execute("delete from resource_server where not built_in");
        DSL_CONTEXT.execute("delete from policy_default_scope");
        DSL_CONTEXT.execute("insert into policy_default_scope (scope_id) select id from resource_server_scope"
                + " where scope in ('tokenkeeper:read', 'tokenkeeper:write')");
    }

    /**
     * A new, empty database on the same server, for a test that needs the schema at an older version (a migration
     * test); closing it drops it.
     */
    public static ScratchDatabase emptyDatabase() {
        var name = "scratch_" + Long.toUnsignedString(System.nanoTime(), 36);
        DSL_CONTEXT.execute("create database " + name);
        var source = (HikariDataSource) DATA_SOURCE;
        var config = new HikariConfig();
        config.setJdbcUrl(source.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        config.setUsername(source.getUsername());
        config.setPassword(source.getPassword());
        config.setMaximumPoolSize(5);
        return new ScratchDatabase(name, new HikariDataSource(config));
    }

    /** A database of its own for one test. */
    public record ScratchDatabase(String name, HikariDataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
            DSL_CONTEXT.execute("drop database " + name);
        }
    }

    private static DataSource start() {
        var config = new HikariConfig();
        String url = System.getenv("TOKENKEEPER_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            EmbeddedPostgres postgres = startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        } else {
            config.setJdbcUrl(url);
            config.setUsername(System.getenv("TOKENKEEPER_TEST_DATABASE_USERNAME"));
            config.setPassword(System.getenv("TOKENKEEPER_TEST_DATABASE_PASSWORD"));
        }
        config.setMaximumPoolSize(30);
        var dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the temporary cluster goes with it.
        }
    }
}
