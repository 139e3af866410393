/**
 * Notifications to users about their tokens (expiry reminders, administrators' actions, new addresses, rotations,
 * canaries, inactivity): stored per user, optionally mailed, never with a token value; and the jobs that send
 * reminders exactly once across nodes.
 */
@NullMarked
package io.tokenkeeper.domain.notification;

import org.jspecify.annotations.NullMarked;
