package io.tokenkeeper.app.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenUsage;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a token's "last used" time and address off the request thread. Each node tries at most once per token per
 * {@link TokenUsage#INTERVAL}; the conditional update in the database keeps it to one write per interval across all
 * nodes. When the database is slow, uses are dropped rather than queued without bound: "last used" is a hint.
 */
final class LastUseRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LastUseRecorder.class);

    private final TokenUsage usage;
    private final Clock clock;
    private final Cache<TokenId, Boolean> recentlyRecorded = Caffeine.newBuilder()
            .expireAfterWrite(TokenUsage.INTERVAL)
            .maximumSize(100_000)
            .build();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            Thread.ofPlatform().name("token-last-used").daemon().factory(),
            new ThreadPoolExecutor.DiscardPolicy());

    LastUseRecorder(TokenUsage usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    void used(TokenId token, @Nullable String clientAddress) {
        if (recentlyRecorded.asMap().putIfAbsent(token, Boolean.TRUE) != null) {
            return;
        }
        var at = clock.instant();
        writer.execute(() -> {
            try {
                usage.recordUse(token, at, clientAddress);
            } catch (RuntimeException e) {
                recentlyRecorded.invalidate(token);
                log.warn(
                        "Could not record the use of token {} ({})",
                        token.value(),
                        e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
