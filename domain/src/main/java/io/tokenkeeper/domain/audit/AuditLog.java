package io.tokenkeeper.domain.audit;

import java.util.List;

/** The append-only audit trail. Implemented by the persistence module. */
public interface AuditLog {

    void record(AuditEvent event);

    /** The newest events first, at most {@code limit} of them. */
    List<AuditEvent> newest(int limit);
}
