/** The audit trail. */
@NullMarked
package io.tokenkeeper.persistence.audit;

import org.jspecify.annotations.NullMarked;
