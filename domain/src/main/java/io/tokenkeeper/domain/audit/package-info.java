/**
 * The audit trail: who did what, to what, when and from where. Its events and how each kind is built, the port that
 * keeps them, the record of sign-ins, and administrators reading the trail.
 */
@NullMarked
package io.tokenkeeper.domain.audit;

import org.jspecify.annotations.NullMarked;
