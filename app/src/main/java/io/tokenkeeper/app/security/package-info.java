/**
 * Signing in to the browser UI: the security chain, the user lookup, sign-in through the company's identity provider
 * (OpenID Connect) and the sign-in audit.
 */
@NullMarked
package io.tokenkeeper.app.security;

import org.jspecify.annotations.NullMarked;
