package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.token.TokenId;
import java.time.LocalDate;
import java.util.UUID;

/** Where tokens' activity is kept. Implemented by the persistence module. */
public interface ActivityStore {

    /**
     * Adds the batch to what is stored, in one transaction, together with its id; tokens that no longer exist are
     * skipped. Keeps the {@link TokenActivity#ADDRESSES} most recently seen addresses per token.
     */
    void write(UsageBatch batch);

    /** Whether the batch with this id was written. */
    boolean written(UUID batch);

    /** The token's activity from {@code from} (inclusive) to {@code to} (inclusive), without its audit history. */
    TokenActivity read(TokenId token, LocalDate from, LocalDate to);

    /** Forgets calls of days before {@code before} and batch ids older than that. */
    void forgetBefore(LocalDate before);
}
