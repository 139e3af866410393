/**
 * How the REST API authenticates: its stateless security chain (also in front of {@code /actuator/prometheus}), the
 * filter that reads the one token of a request (Bearer or Basic) and refuses tokens anywhere else, the per-address
 * throttle on failures and its audit events, the problems it answers with, and its metrics. Its result, the
 * {@link io.tokenkeeper.app.api.auth.ApiCaller}, is what the endpoints receive.
 */
@NullMarked
package io.tokenkeeper.app.api.auth;

import org.jspecify.annotations.NullMarked;
