/**
 * Tokens in {@code api_token} and freezes in {@code token_freeze}: the owners' store, the administrators' directory,
 * the API's lookup by digest, the record of each token's last use, and the change feed that carries the database's
 * notifications of token, account and policy changes to every node.
 */
@NullMarked
package io.tokenkeeper.persistence.token;

import org.jspecify.annotations.NullMarked;
