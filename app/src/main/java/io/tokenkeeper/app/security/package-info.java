/** Signing in to the browser UI: the security chain, the user lookup and the sign-in audit. */
@NullMarked
package io.tokenkeeper.app.security;

import org.jspecify.annotations.NullMarked;
