package io.tokenkeeper.app.api.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tokenkeeper.domain.token.Verification;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the API's authentication counts: {@code tokenkeeper.api.authentications} by outcome,
 * {@code tokenkeeper.api.throttled}, {@code tokenkeeper.api.refused.requests} and the time a verification takes
 * ({@code tokenkeeper.api.verification}). The token cache counts its own hits and misses
 * ({@code cache.gets} with {@code cache=api-token-grants}).
 */
final class ApiMetrics {

    private final Map<Verification.Outcome, Counter> outcomes = new EnumMap<>(Verification.Outcome.class);
    private final Counter throttled;
    private final Counter refusedRequests;
    private final Timer verification;

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
        verification = Timer.builder("tokenkeeper.api.verification")
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

    Timer verification() {
        return verification;
    }
}
