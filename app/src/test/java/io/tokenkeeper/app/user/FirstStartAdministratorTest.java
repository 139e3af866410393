package io.tokenkeeper.app.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.account.FirstAdministrator;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * What the first start prints, as the log really shows it: each test starts the runner on a fresh, migrated database
 * of its own on the test application's PostgreSQL, so that there are no users yet.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdministratorTest {

    private static final Pattern GENERATED = Pattern.compile("with the generated password (\\S+) - ");

    @Autowired
    DSLContext dsl;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    PasswordHasher passwords;

    @Autowired
    ApplicationContext context;

    private String database;
    private HikariDataSource fresh;
    private JooqUserStore users;
    private FirstAdministrator firstAdministrator;

    @BeforeEach
    void createAnEmptyDatabase() {
        database = "first_start_" + Long.toUnsignedString(System.nanoTime(), 36);
        dsl.execute("create database " + database);
        var config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setMaximumPoolSize(2);
        fresh = new HikariDataSource(config);
        Flyway.configure().dataSource(fresh).load().migrate();
        var freshDsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(fresh))));
        users = new JooqUserStore(freshDsl);
        firstAdministrator = new FirstAdministrator(
                users, passwords, new JooqAuditLog(freshDsl), new JooqTransactions(freshDsl), Clock.systemUTC());
    }

    @AfterEach
    void dropIt() {
        fresh.close();
        dsl.execute("drop database " + database);
    }

    @Test
    void prints_a_generated_password_exactly_once_and_never_again(CapturedOutput output) {
        var firstStart = firstStart(null);

        firstStart.run(new DefaultApplicationArguments());
        var printed = GENERATED.matcher(output.getAll());
        assertThat(printed.find()).as("the generated password is in the log").isTrue();
        String password = printed.group(1);
        firstStart.run(new DefaultApplicationArguments());

        assertThat(output.getAll().split(Pattern.quote(password), -1)).hasSize(2);
        var admin = users.findByUsername("admin").orElseThrow();
        assertThat(passwords.matches(password, users.passwordHash(admin.id()).orElseThrow()))
                .isTrue();
    }

    @Test
    void never_prints_a_configured_password(CapturedOutput output) {
        var configured = "the operator's own long password";

        firstStart(configured).run(new DefaultApplicationArguments());

        assertThat(output.getAll())
                .contains("Created the administrator 'admin' with the password from TOKENKEEPER_ADMIN_PASSWORD")
                .doesNotContain(configured);
        assertThat(users.findByUsername("admin")).isPresent();
    }

    private FirstStartAdministrator firstStart(@Nullable String configuredPassword) {
        return new FirstStartAdministrator(
                firstAdministrator, new SecureRandom(), context, new AdminProperties(configuredPassword));
    }
}
