package io.tokenkeeper.domain.audit;

import java.util.List;

/** The append-only audit trail. Implemented by the persistence module. */
public interface AuditLog {

    void record(AuditEvent event);

    /**
     * One page of the events that match, newest first (by time, then by the order they were recorded).
     *
     * @param offset how many matching events to skip, at least 0
     * @param limit the most events to return, at least 0
     */
    List<AuditEvent> search(AuditFilter filter, int offset, int limit);

    /**
     * How many events match, counting no further than {@code atMost}, so that the cost stays bounded however many
     * there are: a result of {@code atMost} means "at least that many".
     */
    int count(AuditFilter filter, int atMost);
}
