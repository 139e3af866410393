/**
 * What a token is doing: calls per day, the addresses it is used from, its last user agent and endpoint, as recorded
 * in batches off the request thread; who may see it; and the policy that disables tokens nobody uses.
 */
@NullMarked
package io.tokenkeeper.domain.activity;

import org.jspecify.annotations.NullMarked;
