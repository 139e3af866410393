/**
 * People who sign in: who they are, their privileges, the rules their names and passwords follow, the port that
 * stores them, and the {@link io.tokenkeeper.domain.user.AccessCheck} every service makes against the stored account.
 */
@NullMarked
package io.tokenkeeper.domain.user;

import org.jspecify.annotations.NullMarked;
