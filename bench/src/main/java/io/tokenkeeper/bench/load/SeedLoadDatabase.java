package io.tokenkeeper.bench.load;

import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.resourceserver.JooqResourceServerStore;
import io.tokenkeeper.persistence.token.JooqTokenStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prepares the load benchmark's database before the application starts, through the persistence layer: starts an
 * embedded PostgreSQL on {@code data-directory} (where the application will start its own), migrates it, creates the
 * administrator {@code admin} as a first start would (every privilege, the password in
 * {@code TOKENKEEPER_ADMIN_PASSWORD}), registers as that administrator the resource server
 * {@code https://orders.example.com} with the scope {@code orders:read}, and creates one token of the administrator's
 * holding Tokenkeeper's two scopes and {@code orders:read}. It writes the token's value to {@code token-file} and the
 * resource server's credential, as {@code client_id:client_secret}, to {@code credential-file} (each readable by its
 * owner only) and stops the database. Neither secret is ever printed.
 *
 * <p>The script runs it with the application jar's own libraries: {@code java -cp app/target/tokenkeeper.jar
 * -Dloader.path=bench/target/classes -Dloader.main=io.tokenkeeper.bench.load.SeedLoadDatabase
 * org.springframework.boot.loader.launch.PropertiesLauncher data-directory token-file credential-file}.
 */
public final class SeedLoadDatabase {

    /** The resource server the benchmark introspects for and forward-authenticates to. */
    static final String RESOURCE_SERVER = "https://orders.example.com";

    static final Scope RESOURCE_SERVER_SCOPE = Scope.of("orders:read");

    private SeedLoadDatabase() {}

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: SeedLoadDatabase data-directory token-file credential-file");
        }
        var password = System.getenv("TOKENKEEPER_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("Set TOKENKEEPER_ADMIN_PASSWORD to the administrator's password.");
        }
        var directory = Files.createDirectories(Path.of(args[0]));
        var tokenFile = Path.of(args[1]);
        var credentialFile = Path.of(args[2]);
        try (var postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                // One connection: outside Spring, jOOQ's transactions enclose the stores' statements only when
                // they all share it.
                var connection = postgres.getPostgresDatabase().getConnection()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
            var dsl = DSL.using(connection, SQLDialect.POSTGRES);
            var clock = Clock.systemUTC();
            var random = new SecureRandom();
            Instant now = clock.instant();
            var users = new JooqUserStore(dsl);
            var admin = users.create(
                    new NewUser(
                            Username.of("admin"),
                            DisplayName.of("Administrator"),
                            null,
                            "{bcrypt}" + new BCryptPasswordEncoder().encode(password),
                            EnumSet.allOf(Privilege.class)),
                    now);
            // Registered the way an administrator does it (checked and audited); the application starts afterwards,
            // so no cache has to hear of it.
            var registered = new ResourceServerAdministration(
                            new JooqResourceServerStore(dsl),
                            users,
                            new JooqAuditLog(dsl),
                            new JooqTransactions(dsl),
                            clock,
                            random,
                            () -> {})
                    .register(
                            new Actor(admin, "127.0.0.1"),
                            "Orders (load benchmark)",
                            RESOURCE_SERVER,
                            "The resource server that the load benchmark introspects for.",
                            List.of(new ScopeDefinition(RESOURCE_SERVER_SCOPE, "Read orders")));
            var scopes = new HashSet<>(Scope.TOKENKEEPER);
            scopes.add(RESOURCE_SERVER_SCOPE);
            var secret = TokenSecret.generate(random);
            new JooqTokenStore(dsl)
                    .insert(new NewToken(
                            admin.id(),
                            TokenName.of("Load benchmark"),
                            secret.digest(),
                            secret.hint(),
                            now,
                            null,
                            scopes,
                            List.of()));
            writeSecret(tokenFile, secret.reveal());
            writeSecret(
                    credentialFile,
                    Objects.requireNonNull(registered.server().clientId(), "client id")
                                    .value()
                            + ":" + registered.secret().reveal());
        }
    }

    private static void writeSecret(Path file, String value) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    }
}
