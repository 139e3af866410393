package io.tokenkeeper.bench;

import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Fills a migrated, empty Tokenkeeper database with {@code users} users (API Access; every 1000th also
 * Administrator), {@code tokensPerUser} tokens each (every 7th disabled, every 11th revoked, every 13th with an
 * expiry) and {@code events} audit events, spread over the past year. Runs set-based SQL, so a million rows take
 * seconds, not hours. Token digests are SHA-256 of seed text: no row holds a usable token.
 */
public final class Seeder {

    private final DSLContext dsl;

    public Seeder(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void seed(int users, int tokensPerUser, int events) {
        var start = Instant.now();
        dsl.execute("""
                insert into app_user (username, display_name, email, password_hash, enabled, created_at, updated_at)
                select 'user' || g, 'Seeded User ' || g, 'user' || g || '@example.com', '{noop}not-a-password',
                       g % 97 <> 0, now() - make_interval(mins => g * 5), now()
                from generate_series(1, ?) g
                """, users);
        dsl.execute("""
                insert into user_privilege (user_id, privilege, granted_at)
                select id, 'API_ACCESS', created_at from app_user where username like 'user%'
                union all
                select id, 'ADMINISTRATOR', created_at from app_user
                where username like 'user%' and substring(username from 5)::int % 1000 = 0
                """);
        log("users", users, start);

        var tokensStart = Instant.now();
        dsl.execute("""
                insert into api_token (owner_id, name, name_key, digest, hint, enabled, created_at, expires_at,
                                       revoked_at, last_used_at, last_used_ip)
                select u.id,
                       'Token ' || t || ' of ' || u.username,
                       lower('Token ' || t || ' of ' || u.username),
                       sha256(convert_to('seed-' || u.id || '-' || t, 'UTF8')),
                       'tkp_' || substr(md5(u.id || '-' || t), 1, 4) || '…' || substr(md5(t || '-' || u.id), 1, 4),
                       (u.id + t) % 7 <> 0,
                       u.created_at + make_interval(mins => t),
                       case when (u.id + t) % 13 = 0 then now() + make_interval(days => t) end,
                       case when (u.id + t) % 11 = 0 then u.created_at + make_interval(mins => t + 1) end,
                       case when t % 3 = 0 then now() - make_interval(mins => t) end,
                       case when t % 3 = 0 then '192.0.2.' || (t % 250) end
                from app_user u cross join generate_series(1, ?) t
                where u.username like 'user%'
                """, tokensPerUser);
        log("tokens", (long) users * tokensPerUser, tokensStart);

        var eventsStart = Instant.now();
        dsl.execute("""
                insert into audit_event (occurred_at, actor_id, actor_name, action, target_type, target_id,
                                         target_name, details, client_address)
                select now() - make_interval(secs => g * 30), null, 'user' || (g % ? + 1),
                       (array['TOKEN_CREATED','TOKEN_DISABLED','SIGN_IN_SUCCEEDED','PROFILE_CHANGED'])[g % 4 + 1],
                       'token', (g % 100000)::text, 'Token ' || (g % 10 + 1), 'Seeded event ' || g,
                       '192.0.2.' || (g % 250)
                from generate_series(1, ?) g
                """, users, events);
        log("audit events", events, eventsStart);
        dsl.execute("analyze");
    }

    private static void log(String what, long count, Instant since) {
        System.out.printf("seeded %,d %s in %s%n", count, what, Duration.between(since, Instant.now()));
    }
}
