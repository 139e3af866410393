/** People who sign in, their privileges, and what they may change about themselves. */
@NullMarked
package io.tokenkeeper.domain.user;

import org.jspecify.annotations.NullMarked;
