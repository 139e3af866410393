package io.tokenkeeper.app.api.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.domain.token.Verification;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the API's authentication counts: {@code tokenkeeper.api.authentications} by outcome,
 * {@code tokenkeeper.api.throttled}, {@code tokenkeeper.api.refused.requests} and the time a verification takes
 * ({@code tokenkeeper.api.verification}: how many, and the time they took in all). The token cache counts its own
 * hits and misses ({@code cache.gets} with {@code cache=api-token-grants}).
 *
 * <p>The verification time is a {@link FunctionTimer} over two adders rather than a {@code Timer}: it is recorded on
 * every API request, and a timer's rolling maximum and its lambda took an eighth of a warm verification's samples
 * in a profile of the load benchmark (13 of 99).
 */
final class ApiMetrics {

    private final Map<Verification.Outcome, Counter> outcomes = new EnumMap<>(Verification.Outcome.class);
    private final Counter throttled;
    private final Counter refusedRequests;
    private final LongAdder verifications = new LongAdder();
    private final LongAdder verificationNanos = new LongAdder();

    ApiMetrics(MeterRegistry registry) {
        for (var outcome : Verification.Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("tokenkeeper.api.authentications")
                            .description("API authentications by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        throttled = Counter.builder("tokenkeeper.api.throttled")
                .description("API requests refused with 429 after too many failed authentications")
                .register(registry);
        refusedRequests = Counter.builder("tokenkeeper.api.refused.requests")
                .description("API requests refused with 400: a token in the URL or a form, or two credentials")
                .register(registry);
        FunctionTimer.builder(
                        "tokenkeeper.api.verification",
                        this,
                        metrics -> metrics.verifications.sum(),
                        metrics -> metrics.verificationNanos.sum(),
                        TimeUnit.NANOSECONDS)
                .description("Time to verify a presented token, lookups included")
                .register(registry);
    }

    void outcome(Verification.Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void throttled() {
        throttled.increment();
    }

    void refusedRequest() {
        refusedRequests.increment();
    }

    /** A verification that began at {@code startNanos} ({@link System#nanoTime()}) has ended. */
    void verified(long startNanos) {
        verificationNanos.add(System.nanoTime() - startNanos);
        verifications.increment();
    }
}
