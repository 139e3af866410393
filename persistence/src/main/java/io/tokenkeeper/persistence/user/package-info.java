/** The user store. */
@NullMarked
package io.tokenkeeper.persistence.user;

import org.jspecify.annotations.NullMarked;
