/**
 * The REST API under {@code /api}: its stateless security chain that authenticates personal API tokens, the cache
 * that keeps that fast and the notifications that keep the cache honest, and the JSON endpoints.
 */
@NullMarked
package io.tokenkeeper.app.api;

import org.jspecify.annotations.NullMarked;
