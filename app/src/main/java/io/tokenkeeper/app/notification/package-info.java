/**
 * Notifications wired to the application: mail through Spring's mail support when {@code spring.mail.*} is
 * configured, and the job that sends expiry reminders.
 */
@NullMarked
package io.tokenkeeper.app.notification;

import org.jspecify.annotations.NullMarked;
