/**
 * Resource servers: the APIs that accept Tokenkeeper tokens, the scopes they define, and the client credential each
 * uses to ask Tokenkeeper about a token (introspection, forward-auth). Administrators manage them through
 * {@link io.tokenkeeper.domain.resourceserver.ResourceServerAdministration}.
 */
@NullMarked
package io.tokenkeeper.domain.resourceserver;

import org.jspecify.annotations.NullMarked;
