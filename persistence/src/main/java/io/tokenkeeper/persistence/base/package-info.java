/** Pieces every adapter shares: transactions and SQL error reading. */
@NullMarked
package io.tokenkeeper.persistence.base;

import org.jspecify.annotations.NullMarked;
