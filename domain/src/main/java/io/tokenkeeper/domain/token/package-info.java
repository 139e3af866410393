/**
 * Personal API tokens: the secret value and its format, what is stored instead of it (digest and hint), the token's
 * name, status and lifecycle, and the per-user quota; owners and administrators acting on tokens, administrators
 * searching and freezing everyone's, and deciding whether a presented value authenticates an API call.
 */
@NullMarked
package io.tokenkeeper.domain.token;

import org.jspecify.annotations.NullMarked;
