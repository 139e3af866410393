/** Notifications, mail settings and the claims of reminders in PostgreSQL. */
@NullMarked
package io.tokenkeeper.persistence.notification;

import org.jspecify.annotations.NullMarked;
