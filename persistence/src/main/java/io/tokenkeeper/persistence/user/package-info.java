/** Users and their privileges in {@code app_user} and {@code user_privilege}. */
@NullMarked
package io.tokenkeeper.persistence.user;

import org.jspecify.annotations.NullMarked;
