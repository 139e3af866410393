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
        var flaky = new ActivityStore() {
            @Override
            public void write(UsageBatch batch) {
                store.write(batch);
                if (loseConfirmation.getAndSet(false)) {
                    throw new IllegalStateException("the connection broke after the commit");
                }
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
        var failing = new ActivityStore() {
            @Override
            public void write(UsageBatch batch) {
                if (down.get()) {
                    throw new IllegalStateException("the database is down");
                }
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
