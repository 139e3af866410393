package io.tokenkeeper.persistence.network;

import static io.tokenkeeper.persistence.jooq.Tables.FAILURE_BUCKET;

import io.tokenkeeper.domain.network.FailureBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The buckets in PostgreSQL, one row per client, taken from in one statement: the refill since the last failure is
 * computed with the database's clock (the same for every node), and concurrent failures of one client serialize on
 * its row.
 */
public final class JooqFailureBuckets implements FailureBuckets {

    /** About one call in this many also deletes the rows that are full again anyway. */
    private static final int SWEEP_EVERY = 512;

    private static final Field<Instant> NOW =
            DSL.field("statement_timestamp()", FAILURE_BUCKET.COUNTED_AT.getDataType());

    private final DSLContext dsl;

    public JooqFailureBuckets(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Taken take(String client, long capacity, Duration period) {
        double perSecond = capacity / (period.toNanos() / 1e9);
        // The bucket as refilled now: what was left plus the refill since, never more than the capacity.
        Field<Double> refilled = DSL.least(
                DSL.val((double) capacity),
                FAILURE_BUCKET.ALLOWANCE.plus(DSL.field(
                                "extract(epoch from {0} - {1})::double precision",
                                Double.class, NOW, FAILURE_BUCKET.COUNTED_AT)
                        .times(perSecond)));
        var row = dsl.insertInto(FAILURE_BUCKET)
                .set(FAILURE_BUCKET.CLIENT, client)
                .set(FAILURE_BUCKET.ALLOWANCE, capacity - 1.0)
                .set(FAILURE_BUCKET.COUNTED_AT, NOW)
                .set(FAILURE_BUCKET.COUNTED, true)
                .onConflict(FAILURE_BUCKET.CLIENT)
                .doUpdate()
                .set(
                        FAILURE_BUCKET.ALLOWANCE,
                        DSL.when(refilled.ge(1.0), refilled.minus(1.0)).otherwise(refilled))
                .set(FAILURE_BUCKET.COUNTED_AT, NOW)
                .set(FAILURE_BUCKET.COUNTED, refilled.ge(1.0))
                .returningResult(FAILURE_BUCKET.ALLOWANCE, FAILURE_BUCKET.COUNTED)
                .fetchSingle();
        if (ThreadLocalRandom.current().nextInt(SWEEP_EVERY) == 0) {
            sweep(period);
        }
        double left = row.value1();
        Optional<Duration> emptyFor = left >= 1.0
                ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) Math.ceil((1.0 - left) / perSecond * 1e9)));
        return new Taken(row.value2(), emptyFor, left);
    }

    private void sweep(Duration period) {
        dsl.deleteFrom(FAILURE_BUCKET)
                .where(FAILURE_BUCKET.COUNTED_AT.lt(DSL.field(
                        "statement_timestamp() - make_interval(secs => {0})",
                        FAILURE_BUCKET.COUNTED_AT.getDataType(), DSL.val((double) period.toSeconds()))))
                .execute();
    }
}
