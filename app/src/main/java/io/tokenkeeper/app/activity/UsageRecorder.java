package io.tokenkeeper.app.activity;

import io.tokenkeeper.domain.activity.ActivityStore;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.activity.UsageBatch;
import io.tokenkeeper.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums each token's uses in memory (calls per day, its latest addresses, user agent and endpoint) and writes them in one
 * batch per flush, on a thread of its own: a request only updates a map. A batch that could not be written is tried
 * again, with the same id, before anything newer; one whose commit went unconfirmed is not written twice. On close
 * what is left is written once more, so that a restart loses nothing that was summed.
 */
public final class UsageRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final ActivityStore store;
    private final Clock clock;
    private final int maxTokens;
    private final ConcurrentHashMap<TokenId, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private @Nullable UsageBatch unconfirmed;
    private LocalDate lastForgotten = LocalDate.MIN;

    UsageRecorder(ActivityStore store, Clock clock, Duration flushEvery, int maxTokens) {
        this.store = store;
        this.clock = clock;
        this.maxTokens = maxTokens;
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("token-usage-flush").daemon().factory());
        long millis = flushEvery.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One call authenticated by the token. Costs a map update.
     *
     * @param endpoint method and route pattern ({@code GET /api/v1/me}), or {@code null} when there is none
     */
    public void record(
            TokenId token, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String endpoint) {
        var at = clock.instant();
        while (true) {
            var entry = pending.get(token);
            if (entry == null) {
                if (pending.size() >= maxTokens) {
                    return;
                }
                entry = pending.computeIfAbsent(token, id -> new Pending());
            }
            synchronized (entry) {
                if (!entry.closed) {
                    entry.add(at, clientAddress, userAgent, endpoint);
                    return;
                }
            }
        }
    }

    /** Writes what was summed since the last flush. Called by the flush thread, and by tests. */
    public synchronized void flush() {
        var retry = unconfirmed;
        if (retry != null) {
            if (!store.written(retry.id())) {
                store.write(retry);
            }
            unconfirmed = null;
        }
        var uses = new ArrayList<UsageBatch.TokenUses>();
        for (var token : pending.keySet()) {
            var entry = pending.remove(token);
            if (entry != null) {
                synchronized (entry) {
                    entry.closed = true;
                    uses.add(entry.summary(token));
                }
            }
        }
        if (!uses.isEmpty()) {
            var batch = new UsageBatch(UUID.randomUUID(), uses);
            unconfirmed = batch;
            store.write(batch);
            unconfirmed = null;
        }
        forgetOldDays();
    }

    private void forgetOldDays() {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.isAfter(lastForgotten)) {
            store.forgetBefore(today.minusDays(TokenActivity.DAYS_KEPT));
            lastForgotten = today;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not write token usage; trying again at the next flush ({})",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    /**
     * One token's uses since the last flush; guarded by its own monitor. The common case — another call on the same
     * day from the address of the previous call — updates two fields and allocates nothing.
     */
    private static final class Pending {

        private static final long SECONDS_PER_DAY = 86_400;

        private final Map<LocalDate, Long> calls = new HashMap<>(2);
        private final LinkedHashMap<String, TokenActivity.AddressUse> addresses = new LinkedHashMap<>(4, 0.75f, true);
        /** UTC day (days since the epoch) of the calls counted in {@link #callsThatDay}, not yet in {@link #calls}. */
        private long day = Long.MIN_VALUE;

        private long callsThatDay;
        /** The address of the latest call, the newest entry of {@link #addresses}; its last use is in the next field. */
        private @Nullable String latestAddress;

        private Instant latestAddressSeen = Instant.EPOCH;
        private @Nullable String userAgent;
        private @Nullable String endpoint;
        private Instant lastSeen = Instant.EPOCH;
        private boolean closed;

        void add(Instant at, @Nullable String address, @Nullable String agent, @Nullable String route) {
            long today = Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
            if (today == day) {
                callsThatDay++;
            } else {
                countDay();
                day = today;
                callsThatDay = 1;
            }
            if (address != null) {
                if (address.equals(latestAddress)) {
                    latestAddressSeen = at;
                } else {
                    keepLatestAddress();
                    var seen = addresses.get(address);
                    addresses.put(
                            address, new TokenActivity.AddressUse(address, seen == null ? at : seen.firstSeen(), at));
                    if (addresses.size() > TokenActivity.ADDRESSES) {
                        addresses.remove(addresses.keySet().iterator().next());
                    }
                    latestAddress = address;
                    latestAddressSeen = at;
                }
            }
            if (agent != null) {
                userAgent = agent;
            }
            if (route != null) {
                endpoint = route;
            }
            lastSeen = at;
        }

        private void countDay() {
            if (callsThatDay > 0) {
                calls.merge(LocalDate.ofEpochDay(day), callsThatDay, Long::sum);
                callsThatDay = 0;
            }
        }

        /** Writes the latest address's last use into its entry, which stays the newest. */
        private void keepLatestAddress() {
            var latest = latestAddress;
            if (latest != null) {
                var seen = addresses.get(latest);
                if (seen != null && seen.lastSeen().isBefore(latestAddressSeen)) {
                    addresses.put(latest, new TokenActivity.AddressUse(latest, seen.firstSeen(), latestAddressSeen));
                }
            }
        }

        UsageBatch.TokenUses summary(TokenId token) {
            countDay();
            keepLatestAddress();
            return new UsageBatch.TokenUses(token, calls, addresses, userAgent, endpoint, lastSeen);
        }
    }
}
