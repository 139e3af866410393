/**
 * Tokens in {@code api_token} and freezes in {@code token_freeze}: the owners' store, the administrators' directory,
 * the API's lookup by digest, and the record of each token's last use.
 */
@NullMarked
package io.tokenkeeper.persistence.token;

import org.jspecify.annotations.NullMarked;
