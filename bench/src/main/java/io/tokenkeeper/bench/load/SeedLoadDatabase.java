package io.tokenkeeper.bench.load;

import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.token.JooqTokenStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prepares the load benchmark's database before the application starts, through the persistence layer: starts an
 * embedded PostgreSQL on {@code data-directory} (where the application will start its own), migrates it, creates the
 * administrator {@code admin} as a first start would (every privilege, the password in
 * {@code TOKENKEEPER_ADMIN_PASSWORD}) and one token of theirs, writes the token's value to {@code token-file}
 * (readable by its owner only) and stops the database. The value is never printed.
 *
 * <p>The script runs it with the application jar's own libraries: {@code java -cp app/target/tokenkeeper.jar
 * -Dloader.path=bench/target/classes -Dloader.main=io.tokenkeeper.bench.load.SeedLoadDatabase
 * org.springframework.boot.loader.launch.PropertiesLauncher data-directory token-file}.
 */
public final class SeedLoadDatabase {

    private SeedLoadDatabase() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: SeedLoadDatabase data-directory token-file");
        }
        var password = System.getenv("TOKENKEEPER_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("Set TOKENKEEPER_ADMIN_PASSWORD to the administrator's password.");
        }
        var directory = Files.createDirectories(Path.of(args[0]));
        var tokenFile = Path.of(args[1]);
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).load().migrate();
            var dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
            var now = Instant.now();
            var admin = new JooqUserStore(dsl)
                    .create(
                            new NewUser(
                                    Username.of("admin"),
                                    DisplayName.of("Administrator"),
                                    null,
                                    "{bcrypt}" + new BCryptPasswordEncoder().encode(password),
                                    EnumSet.allOf(Privilege.class)),
                            now);
            var secret = TokenSecret.generate(new SecureRandom());
            new JooqTokenStore(dsl)
                    .insert(new NewToken(
                            admin.id(), TokenName.of("Load benchmark"), secret.digest(), secret.hint(), now, null));
            Files.createFile(
                    tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tokenFile, secret.reveal() + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        }
    }
}
