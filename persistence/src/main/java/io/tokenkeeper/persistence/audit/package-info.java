/** The audit trail in {@code audit_event}. */
@NullMarked
package io.tokenkeeper.persistence.audit;

import org.jspecify.annotations.NullMarked;
