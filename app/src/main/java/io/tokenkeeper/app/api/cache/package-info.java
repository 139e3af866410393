/**
 * What the REST API remembers so that a warm request runs no query: each token's and owner's state and the token
 * policy, kept honest by the changes every node commits (the change feed); and the one background thread for the
 * database work that no response waits for ("last used", new-address and throttling audit events, refreshes).
 */
@NullMarked
package io.tokenkeeper.app.api.cache;

import org.jspecify.annotations.NullMarked;
