/**
 * How other APIs accept Tokenkeeper tokens: RFC 7662 introspection ({@code POST /oauth2/introspect}) and reverse-proxy
 * authentication ({@code /auth/forward}, for nginx {@code auth_request}, Traefik {@code ForwardAuth}, Caddy
 * {@code forward_auth}, Envoy {@code ext_authz}). Both authenticate the calling resource server by its client
 * credential and answer from the same cached token state as the API, with no query when warm.
 */
@NullMarked
package io.tokenkeeper.app.resourceserver;

import org.jspecify.annotations.NullMarked;
