package io.tokenkeeper.persistence.audit;

import static io.tokenkeeper.persistence.jooq.Tables.AUDIT_EVENT;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.jooq.tables.records.AuditEventRecord;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/** The audit trail in {@code audit_event}; rows are only ever inserted. */
public final class JooqAuditLog implements AuditLog {

    private static final int MAX_DETAILS = 2000;
    private static final int MAX_NAME = 400;

    private final DSLContext dsl;

    public JooqAuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(AuditEvent event) {
        dsl.insertInto(AUDIT_EVENT)
                .columns(
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.ACTOR_ID,
                        AUDIT_EVENT.ACTOR_NAME,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.TARGET_TYPE,
                        AUDIT_EVENT.TARGET_ID,
                        AUDIT_EVENT.TARGET_NAME,
                        AUDIT_EVENT.DETAILS,
                        AUDIT_EVENT.CLIENT_ADDRESS)
                .values(
                        event.occurredAt().atOffset(ZoneOffset.UTC),
                        event.actorId() == null ? null : event.actorId().value(),
                        clip(event.actorName(), 64),
                        event.action().name(),
                        event.targetType(),
                        event.targetId(),
                        clip(event.targetName(), MAX_NAME),
                        clip(event.details(), MAX_DETAILS),
                        clip(event.clientAddress(), 64))
                .execute();
    }

    @Override
    public List<AuditEvent> newest(int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(JooqAuditLog::toEvent);
    }

    private static AuditEvent toEvent(AuditEventRecord row) {
        return new AuditEvent(
                row.getOccurredAt().toInstant(),
                row.getActorId() == null ? null : new UserId(row.getActorId()),
                row.getActorName(),
                AuditAction.valueOf(row.getAction()),
                row.getTargetType(),
                row.getTargetId(),
                row.getTargetName(),
                row.getDetails(),
                row.getClientAddress());
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
