package io.tokenkeeper.app.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenDigests;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KnownDigestsTest {

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, TokenDigest> stored = new ConcurrentHashMap<>();
    private final KnownDigests known = new KnownDigests(new TokenDigests() {
        @Override
        public long countActive() {
            return stored.size();
        }

        @Override
        public void forEachActive(Consumer<TokenDigest> each) {
            stored.values().forEach(each);
        }

        @Override
        public Optional<TokenDigest> ofActive(TokenId token) {
            return Optional.ofNullable(stored.get(token.value()));
        }
    });

    @Test
    void says_maybe_to_everything_until_it_has_read_the_digests() {
        assertThat(known.isReady()).isFalse();
        assertThat(known.mayExist(randomDigest())).isTrue();
    }

    @Test
    void never_forgets_a_real_digest_and_turns_away_nearly_every_guess() throws Exception {
        var real = new ArrayList<TokenDigest>();
        for (long id = 1; id <= 20_000; id++) {
            var digest = randomDigest();
            stored.put(id, digest);
            real.add(digest);
        }
        reloadAndWait();

        assertThat(real).allMatch(known::mayExist);
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (known.mayExist(randomDigest())) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives in 100 000 guesses").isLessThan(1_000);
    }

    @Test
    void learns_tokens_created_after_it_was_read() throws Exception {
        reloadAndWait();
        var created = randomDigest();
        stored.put(42L, created);

        known.tokenChanged(new TokenId(42));

        assertThat(known.mayExist(created)).isTrue();
    }

    @Test
    void says_maybe_again_once_changes_may_be_missed() throws Exception {
        reloadAndWait();
        var guess = List.of(randomDigest());
        assertThat(known.mayExist(guess.getFirst())).isFalse();

        known.forget();

        assertThat(known.mayExist(guess.getFirst())).isTrue();
    }

    private void reloadAndWait() throws InterruptedException {
        known.reload();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!known.isReady() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(known.isReady()).isTrue();
    }

    private TokenDigest randomDigest() {
        return TokenSecret.generate(random).digest();
    }
}
