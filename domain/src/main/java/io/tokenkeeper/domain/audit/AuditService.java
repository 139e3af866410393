package io.tokenkeeper.domain.audit;

import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.util.List;

/**
 * Reading the audit trail: for enabled administrators only, checked against the stored account on every call. Nobody
 * can change or delete an event; there is no method for it.
 */
public final class AuditService {

    /** The largest page one call returns; a larger limit is cut to this. */
    public static final int MAX_PAGE_SIZE = 500;

    /** How far {@link #count} counts: beyond this, the answer is "at least this many". */
    public static final int MAX_COUNT = 10_000;

    static final String ADMINISTRATORS_ONLY = "Only administrators can read the audit log.";

    private final AuditLog log;
    private final AccessCheck access;

    public AuditService(AuditLog log, UserStore users) {
        this.log = log;
        this.access = new AccessCheck(users);
    }

    /**
     * One page of the matching events, newest first.
     *
     * @param offset how many matching events to skip
     * @param limit the most events to return, at most {@link #MAX_PAGE_SIZE}
     * @throws NotAllowedException unless the actor is an enabled administrator
     */
    public List<AuditEvent> search(Actor actor, AuditFilter filter, int offset, int limit) {
        requireReader(actor);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return log.search(filter, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    /**
     * How many events match, up to {@link #MAX_COUNT}: counting every match of a broad filter over millions of events
     * would take longer than reading a page. A result of {@link #MAX_COUNT} means "at least that many".
     *
     * @throws NotAllowedException unless the actor is an enabled administrator
     */
    public int count(Actor actor, AuditFilter filter) {
        requireReader(actor);
        return log.count(filter, MAX_COUNT);
    }

    private void requireReader(Actor actor) {
        access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
    }
}
