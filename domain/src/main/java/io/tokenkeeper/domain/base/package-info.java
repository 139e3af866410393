/** Pieces every feature of the domain shares: its exceptions and ports for time and transactions. */
@NullMarked
package io.tokenkeeper.domain.base;

import org.jspecify.annotations.NullMarked;
