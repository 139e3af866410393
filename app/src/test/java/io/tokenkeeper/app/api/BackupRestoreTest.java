package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The README's backup: {@code pg_dump} of the database is all of Tokenkeeper's state. A PostgreSQL 15 in use is
 * dumped, the dump restored into a fresh PostgreSQL 18, and a node started on the copy accepts the tokens made before
 * and still refuses the one revoked before.
 */
class BackupRestoreTest {

    private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
    private static final Path PG_RESTORE = Path.of("/usr/lib/postgresql/15/bin/pg_restore");
    private static final Path POSTGRES_15 = Path.of("target", "postgres-15", "postgres-15-linux-amd64.jar");
    private static final String ME = "/api/v1/me";

    @Test
    void a_dump_restored_into_a_fresh_database_keeps_every_token_and_revocation() throws Exception {
        if (!Files.isExecutable(PG_DUMP) || !Files.isExecutable(PG_RESTORE)) {
            throw new IllegalStateException("This test needs Debian's PostgreSQL 15 client tools at " + PG_DUMP
                    + ". Install them with: apt-get install -y postgresql-client-15");
        }
        var dump = Files.createDirectories(Path.of("target", "backups"))
                .resolve("tokenkeeper-" + System.nanoTime() + ".dump");
        String kept;
        String revoked;
        try (var original = EmbeddedPostgres.builder()
                        .setPgBinaryResolver(BackupRestoreTest::postgres15)
                        .start();
                var node = OtherNode.start(original.getJdbcUrl("postgres", "postgres"))) {
            var owner = node.bean(UserTestData.class).aUserWithApiAccess();
            var tokens = node.bean(TokenService.class);
            var actor = new Actor(owner, null);
            kept = "Bearer " + tokens.generate(actor, "kept", null).secret().reveal();
            var gone = tokens.generate(actor, "revoked", null);
            revoked = "Bearer " + gone.secret().reveal();
            tokens.revoke(actor, gone.token().id());
            var api = new ApiClient(node.port());
            assertThat(api.get(ME, kept).statusCode()).isEqualTo(200);

            run(List.of(
                    PG_DUMP.toString(),
                    "--format=custom",
                    "--host=localhost",
                    "--port=" + original.getPort(),
                    "--username=postgres",
                    "--dbname=postgres",
                    "--file=" + dump));
        }
        assertThat(Files.size(dump)).isPositive();

        try (var fresh = EmbeddedPostgres.builder().start()) {
            run(List.of(
                    PG_RESTORE.toString(),
                    "--no-owner",
                    "--exit-on-error",
                    "--host=localhost",
                    "--port=" + fresh.getPort(),
                    "--username=postgres",
                    "--dbname=postgres",
                    dump.toString()));
            try (var node = OtherNode.start(fresh.getJdbcUrl("postgres", "postgres"))) {
                var api = new ApiClient(node.port());
                assertThat(api.get(ME, kept).statusCode()).isEqualTo(200);
                assertThat(api.get(ME, revoked).statusCode()).isEqualTo(401);
            }
        }
    }

    /** The PostgreSQL 15 server binaries that the build copied next to the test classes. */
    private static InputStream postgres15(String system, String hardware) throws IOException {
        if (!Files.isRegularFile(POSTGRES_15)) {
            throw new IllegalStateException(POSTGRES_15 + " is missing: the Maven build copies it (app/pom.xml)");
        }
        var jar = new ZipFile(POSTGRES_15.toFile());
        var entry = jar.stream()
                .filter(candidate -> candidate.getName().endsWith(".txz"))
                .findFirst()
                .orElseThrow();
        return new java.io.FilterInputStream(jar.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                super.close();
                jar.close();
            }
        };
    }

    private static void run(List<String> command) throws Exception {
        var process = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(command.getFirst() + " said: " + output)
                .isZero();
    }
}
