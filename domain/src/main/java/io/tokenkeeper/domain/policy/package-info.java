/**
 * The rules administrators set: for tokens (quota, lifetime, where API calls may come from) and for signing in (which
 * identity-provider groups grant which privilege, who may sign in with a password).
 */
@NullMarked
package io.tokenkeeper.domain.policy;

import org.jspecify.annotations.NullMarked;
