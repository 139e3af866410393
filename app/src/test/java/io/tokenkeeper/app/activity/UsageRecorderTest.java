package io.tokenkeeper.app.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.activity.ActivityStore;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.activity.UsageBatch;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sums in memory, writes in batches, never counts a batch twice: against the real store. */
@ApplicationTest
class UsageRecorderTest {

    @Autowired
    ActivityStore store;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Test
    void a_batch_whose_commit_went_unconfirmed_is_not_counted_again() {
        var token = aToken();
        var loseConfirmation = new AtomicBoolean(true);
        var flaky = new PassingTo(store) {
            @Override
            public void write(UsageBatch batch) {
                store.write(batch);
                if (loseConfirmation.getAndSet(false)) {
                    throw new IllegalStateException("the connection broke after the commit");
                }
            }
        };
        try (var recorder = new UsageRecorder(flaky, Clock.systemUTC(), Duration.ofHours(1), 1000)) {
            for (int i = 0; i < 4; i++) {
                recorder.record(token, "198.51.100.7", "curl/8", "GET /api/v1/me");
            }
            assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);
            recorder.record(token, "198.51.100.7", "curl/8", "GET /api/v1/me");
            recorder.flush();
            recorder.flush();
        }

        assertThat(callsToday(token)).isEqualTo(5);
    }

    @Test
    void a_batch_that_failed_is_written_at_the_next_flush_and_what_is_summed_on_close_is_written_too() {
        var token = aToken();
        var down = new AtomicBoolean(true);
        var failing = new PassingTo(store) {
            @Override
            public void write(UsageBatch batch) {
                if (down.get()) {
                    throw new IllegalStateException("the database is down");
                }
                store.write(batch);
            }
        };
        try (var recorder = new UsageRecorder(failing, Clock.systemUTC(), Duration.ofHours(1), 1000)) {
            recorder.record(token, null, null, null);
            recorder.record(token, null, null, null);
            assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);
            down.set(false);
            recorder.record(token, null, null, null);
        }

        assertThat(callsToday(token)).isEqualTo(3);
    }

    @Test
    void one_flush_counts_calls_per_utc_day_and_keeps_the_five_latest_addresses_with_first_and_last_use() {
        var token = aToken();
        var written = new java.util.ArrayList<UsageBatch>();
        var capturing = new PassingTo(store) {
            @Override
            public void write(UsageBatch batch) {
                written.add(batch);
                store.write(batch);
            }
        };
        var midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        var now = new java.util.concurrent.atomic.AtomicReference<>(midnight.minusSeconds(60));
        var clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        try (var recorder = new UsageRecorder(capturing, clock, Duration.ofHours(1), 1000)) {
            // Yesterday three times from A; today B, A again, then C, D, E, F twice: B is the least recent and goes.
            for (var address : java.util.List.of("A", "A", "A", "B", "A", "C", "D", "E", "F", "F")) {
                recorder.record(token, address, "agent " + address, "GET /api/v1/me");
                now.set(now.get().plusSeconds(20));
            }
            recorder.flush();
        }

        var uses = written.getFirst().tokens().getFirst();
        var yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(uses.calls())
                .containsOnly(java.util.Map.entry(yesterday, 3L), java.util.Map.entry(yesterday.plusDays(1), 7L));
        assertThat(uses.addresses().keySet()).containsExactlyInAnyOrder("A", "C", "D", "E", "F");
        assertThat(uses.addresses().get("A").firstSeen()).isEqualTo(midnight.minusSeconds(60));
        assertThat(uses.addresses().get("A").lastSeen()).isEqualTo(midnight.plusSeconds(20));
        assertThat(uses.addresses().get("F").firstSeen()).isEqualTo(midnight.plusSeconds(100));
        assertThat(uses.addresses().get("F").lastSeen()).isEqualTo(midnight.plusSeconds(120));
        assertThat(uses.lastUserAgent()).isEqualTo("agent F");
        assertThat(uses.lastSeenAt()).isEqualTo(midnight.plusSeconds(120));
    }

    /** The real store, for a test to change what a write does. */
    private static class PassingTo implements ActivityStore {

        private final ActivityStore store;

        PassingTo(ActivityStore store) {
            this.store = store;
        }

        @Override
        public void write(UsageBatch batch) {
            store.write(batch);
        }

        @Override
        public boolean written(UUID batch) {
            return store.written(batch);
        }

        @Override
        public TokenActivity read(TokenId id, LocalDate from, LocalDate to) {
            return store.read(id, from, to);
        }

        @Override
        public void forgetBefore(LocalDate before) {
            store.forgetBefore(before);
        }
    }

    private TokenId aToken() {
        return tokens.generate(new Actor(users.aUserWithApiAccess(), null), "Counted", null)
                .token()
                .id();
    }

    private long callsToday(TokenId token) {
        var today = LocalDate.now(ZoneOffset.UTC);
        return store.read(token, today, today).totalCalls();
    }
}
