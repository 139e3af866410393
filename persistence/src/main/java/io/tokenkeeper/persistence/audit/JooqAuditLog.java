package io.tokenkeeper.persistence.audit;

import static io.tokenkeeper.persistence.jooq.Tables.AUDIT_EVENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The audit trail in {@code audit_event}; rows are only ever inserted, and read a page at a time. */
public final class JooqAuditLog implements AuditLog {

    private static final int MAX_DETAILS = 2000;
    private static final int MAX_NAME = 400;
    private static final int MAX_ID_DIGITS = 19;
    private static final char LIKE_ESCAPE = '\\';

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
                        event.occurredAt(),
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
    public List<AuditEvent> search(AuditFilter filter, int offset, int limit) {
        return dsl.select(
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.ACTOR_ID,
                        AUDIT_EVENT.ACTOR_NAME,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.TARGET_TYPE,
                        AUDIT_EVENT.TARGET_ID,
                        AUDIT_EVENT.TARGET_NAME,
                        AUDIT_EVENT.DETAILS,
                        AUDIT_EVENT.CLIENT_ADDRESS)
                .from(AUDIT_EVENT)
                .where(matching(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(JooqAuditLog::toEvent);
    }

    /** {@code select count(*) from (select 1 … limit atMost)}: reads at most {@code atMost} index entries or rows. */
    @Override
    public int count(AuditFilter filter, int atMost) {
        return dsl.fetchCount(
                dsl.select(inline(1)).from(AUDIT_EVENT).where(matching(filter)).limit(atMost));
    }

    /** Each criterion can use an index of V5 (or the time index of V1) that is already in the grid's order. */
    private static Condition matching(AuditFilter filter) {
        var conditions = new ArrayList<Condition>();
        String actor = filter.actor();
        if (actor != null) {
            conditions.add(startsWith(AUDIT_EVENT.ACTOR_NAME, actor));
        }
        AuditAction action = filter.action();
        if (action != null) {
            conditions.add(AUDIT_EVENT.ACTION.eq(action.name()));
        }
        String target = filter.target();
        if (target != null) {
            var byName = startsWith(AUDIT_EVENT.TARGET_NAME, target);
            conditions.add(isId(target) ? byName.or(AUDIT_EVENT.TARGET_ID.eq(target)) : byName);
        }
        Instant from = filter.from();
        if (from != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(from));
        }
        Instant to = filter.to();
        if (to != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(to));
        }
        return DSL.and(conditions);
    }

    /** {@code lower(column) like lower(?) || '%'}, with the wildcards of the prefix taken literally. */
    private static Condition startsWith(Field<String> column, String prefix) {
        return lower(column)
                .like(lower(val(escapeWildcards(prefix))).concat(inline("%")))
                .escape(LIKE_ESCAPE);
    }

    static String escapeWildcards(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static boolean isId(String text) {
        return text.length() <= MAX_ID_DIGITS && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The newest events about one token, at most {@code limit}. */
    public List<AuditEvent> ofToken(long tokenId, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_TYPE.eq("token"))
                .and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(tokenId)))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(JooqAuditLog::toEvent);
    }

    private static AuditEvent toEvent(Record row) {
        Long actorId = row.get(AUDIT_EVENT.ACTOR_ID);
        return new AuditEvent(
                row.get(AUDIT_EVENT.OCCURRED_AT),
                actorId == null ? null : new UserId(actorId),
                row.get(AUDIT_EVENT.ACTOR_NAME),
                AuditAction.valueOf(row.get(AUDIT_EVENT.ACTION)),
                row.get(AUDIT_EVENT.TARGET_TYPE),
                row.get(AUDIT_EVENT.TARGET_ID),
                row.get(AUDIT_EVENT.TARGET_NAME),
                row.get(AUDIT_EVENT.DETAILS),
                row.get(AUDIT_EVENT.CLIENT_ADDRESS));
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
