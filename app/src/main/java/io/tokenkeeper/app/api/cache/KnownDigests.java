package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenDigests;
import io.tokenkeeper.domain.token.TokenId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Bloom filter of the digests of every token value that exists, so that a throttled client's value can be told
 * apart without a query: "certainly not a token" (a guess, answered from memory) or "may be a token" (looked up, so
 * that a real owner behind the same address as an attacker is never refused). Sized at 20 bits per token when read
 * (about 0.1 % false positives, under 1 % until it has doubled), and read again once it holds twice that; a digest is SHA-256, already evenly spread, so its own bytes are the hash positions.
 *
 * <p>It answers "may be" to everything until it has read every digest, while the change feed is not connected
 * (a new token could be missed), and after any error: when in doubt, look it up.
 */
public final class KnownDigests {

    private static final Logger log = LoggerFactory.getLogger(KnownDigests.class);

    /** Hash positions per digest: optimal for about 10 bits per entry. */
    private static final int PROBES = 7;

    private static final int MIN_BITS = 1 << 20;

    private final TokenDigests source;
    private final AtomicReference<Filter> filter = new AtomicReference<>();
    private volatile @Nullable Filter loading;

    KnownDigests(TokenDigests source) {
        this.source = source;
    }

    /** False only when no token has this digest. */
    public boolean mayExist(TokenDigest digest) {
        var current = filter.get();
        return current == null || current.mayContain(digest.bytes());
    }

    /** Whether the filter can say "certainly not" yet. */
    boolean isReady() {
        return filter.get() != null;
    }

    /**
     * Reads every digest again on a thread of its own (never the feed's, whose evictions must not wait); until done,
     * everything "may exist". Tokens announced meanwhile are added to the filter being built.
     */
    void reload() {
        filter.set(null);
        Thread.ofVirtual().name("api-known-digests").start(this::load);
    }

    private synchronized void load() {
        try {
            var fresh = new Filter(bitsFor(source.countActive()));
            loading = fresh;
            source.forEachActive(digest -> fresh.add(digest.bytes()));
            filter.set(fresh);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the token digests ({}); throttled clients' tokens are looked up meanwhile",
                    e.getClass().getSimpleName());
        } finally {
            loading = null;
        }
    }

    /** A token was created or changed on some node: remember its current value, if it has one. */
    void tokenChanged(TokenId token) {
        var current = filter.get();
        var building = loading;
        if (current == null && building == null) {
            return;
        }
        try {
            source.ofActive(token).ifPresent(digest -> {
                if (building != null) {
                    building.add(digest.bytes());
                }
                if (current != null) {
                    current.add(digest.bytes());
                }
            });
            if (current != null && current.isOverfull()) {
                reload();
            }
        } catch (RuntimeException e) {
            forget();
        }
    }

    /** Changes may be missed from now on: answer "may be" until {@link #reload()}. */
    void forget() {
        filter.set(null);
    }

    private static int bitsFor(long entries) {
        long wanted = Math.max(MIN_BITS, entries * 20);
        int bits = Integer.highestOneBit((int) Math.min(wanted, 1L << 30));
        return bits < wanted ? bits << 1 : bits;
    }

    private static final class Filter {

        private final AtomicLongArray words;
        private final int mask;
        private final long capacity;
        private final AtomicLong added = new AtomicLong();

        Filter(int bits) {
            this.words = new AtomicLongArray(bits >>> 6);
            this.mask = bits - 1;
            this.capacity = bits / 10;
        }

        void add(byte[] digest) {
            for (int probe = 0; probe < PROBES; probe++) {
                int bit = position(digest, probe);
                int word = bit >>> 6;
                long flag = 1L << (bit & 63);
                long old;
                do {
                    old = words.get(word);
                } while ((old & flag) == 0 && !words.compareAndSet(word, old, old | flag));
            }
            added.incrementAndGet();
        }

        boolean mayContain(byte[] digest) {
            for (int probe = 0; probe < PROBES; probe++) {
                int bit = position(digest, probe);
                if ((words.get(bit >>> 6) & (1L << (bit & 63))) == 0) {
                    return false;
                }
            }
            return true;
        }

        boolean isOverfull() {
            return added.get() > capacity;
        }

        /** Four bytes of the digest per probe: 7 probes use 28 of its 32 evenly spread bytes. */
        private int position(byte[] digest, int probe) {
            int at = probe * 4;
            int value = (digest[at] & 0xFF) << 24
                    | (digest[at + 1] & 0xFF) << 16
                    | (digest[at + 2] & 0xFF) << 8
                    | (digest[at + 3] & 0xFF);
            return value & mask;
        }
    }
}
