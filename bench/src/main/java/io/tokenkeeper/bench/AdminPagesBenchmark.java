package io.tokenkeeper.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.user.JooqUserStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Seeds a PostgreSQL with 100 000 users, 1 000 000 tokens and 1 000 000 audit events (unless it already holds
 * them), then times the queries behind the first page of each administration grid, server side, as the
 * application runs them. Run by hand:
 *
 * <pre>
 * ./mvnw -Pbench -pl bench -am package -DskipTests
 * $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar io.tokenkeeper.bench.AdminPagesBenchmark [data-directory]
 * </pre>
 *
 * With {@code TOKENKEEPER_BENCH_DATABASE_URL} (+ {@code _USERNAME}, {@code _PASSWORD}) it uses that database instead
 * of an embedded one; it must be migrated and either empty or seeded by this tool.
 */
public final class AdminPagesBenchmark {

    private static final int USERS = 100_000;
    private static final int TOKENS_PER_USER = 10;
    private static final int EVENTS = 1_000_000;
    private static final int PAGE = 50;
    private static final int WARM_UP = 5;
    private static final int RUNS = 25;

    private AdminPagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (var database = Database.open(args)) {
            var dsl = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            if (dsl.fetchCount(DSL.table("app_user")) < USERS) {
                new Seeder(dsl).seed(USERS, TOKENS_PER_USER, EVENTS);
            }
            System.out.printf(
                    "rows: %,d users, %,d tokens, %,d audit events%n",
                    dsl.fetchCount(DSL.table("app_user")),
                    dsl.fetchCount(DSL.table("api_token")),
                    dsl.fetchCount(DSL.table("audit_event")));
            report(measurements(dsl));
        }
    }

    private static Map<String, Supplier<Object>> measurements(DSLContext dsl) {
        var users = new JooqUserStore(dsl);
        var audit = new JooqAuditLog(dsl);
        var byActor = new AuditFilter("user4242", null, null, null, null);
        var byAction = new AuditFilter(null, AuditAction.TOKEN_DISABLED, null, null, null);
        var pages = new LinkedHashMap<String, Supplier<Object>>();
        pages.put("Users: first page + count", () -> {
            users.search("", 0, PAGE);
            return users.countMatching("");
        });
        pages.put("Users: search 'user4242' + count", () -> {
            users.search("user4242", 0, PAGE);
            return users.countMatching("user4242");
        });
        pages.put("Audit Log: first page + count", () -> {
            audit.search(AuditFilter.ALL, 0, PAGE);
            return audit.count(AuditFilter.ALL, 10_000);
        });
        pages.put("Audit Log: actor 'user4242' + count", () -> {
            audit.search(byActor, 0, PAGE);
            return audit.count(byActor, 10_000);
        });
        pages.put("Audit Log: action filter + count", () -> {
            audit.search(byAction, 0, PAGE);
            return audit.count(byAction, 10_000);
        });
        TokenPages.add(pages, dsl, PAGE);
        return pages;
    }

    private static void report(Map<String, Supplier<Object>> pages) {
        System.out.printf("%-45s %10s %10s %10s%n", "first page (server side)", "median ms", "p95 ms", "max ms");
        for (var page : pages.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                page.getValue().get();
            }
            var times = new ArrayList<Double>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                page.getValue().get();
                times.add((System.nanoTime() - start) / 1_000_000.0);
            }
            double[] sorted =
                    times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "%-45s %10.1f %10.1f %10.1f%n",
                    page.getKey(),
                    sorted[sorted.length / 2],
                    sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                    Arrays.stream(sorted).max().orElseThrow());
        }
    }

    /** An embedded PostgreSQL keeping its data in a directory (so a second run skips seeding), or a given server. */
    private record Database(
            HikariDataSource dataSource, @Nullable EmbeddedPostgres embedded) implements AutoCloseable {

        static Database open(String[] args) throws Exception {
            var dataSource = new HikariDataSource();
            EmbeddedPostgres embedded = null;
            String url = System.getenv("TOKENKEEPER_BENCH_DATABASE_URL");
            if (url == null || url.isBlank()) {
                Path directory = Path.of(args.length > 0 ? args[0] : "target/bench-postgres");
                Files.createDirectories(directory);
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                dataSource.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
            } else {
                dataSource.setJdbcUrl(url);
                dataSource.setUsername(System.getenv("TOKENKEEPER_BENCH_DATABASE_USERNAME"));
                dataSource.setPassword(System.getenv("TOKENKEEPER_BENCH_DATABASE_PASSWORD"));
            }
            Flyway.configure().dataSource(dataSource).load().migrate();
            return new Database(dataSource, embedded);
        }

        @Override
        public void close() throws Exception {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
