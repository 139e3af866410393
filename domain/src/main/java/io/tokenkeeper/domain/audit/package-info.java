/** The audit trail: who did what, to what, when and from where. */
@NullMarked
package io.tokenkeeper.domain.audit;

import org.jspecify.annotations.NullMarked;
