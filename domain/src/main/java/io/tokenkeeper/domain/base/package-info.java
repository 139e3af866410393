/**
 * Pieces every feature of the domain shares: the exceptions that report a broken rule, the rules every typed text
 * follows (including that it never holds a token value), and the port for transactions.
 */
@NullMarked
package io.tokenkeeper.domain.base;

import org.jspecify.annotations.NullMarked;
