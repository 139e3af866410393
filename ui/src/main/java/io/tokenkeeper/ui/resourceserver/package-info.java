/**
 * Administration › Resource Servers: the APIs that accept Tokenkeeper tokens, the scopes they define and the client
 * credential each uses to ask about a token, managed in the browser through the domain's
 * {@link io.tokenkeeper.domain.resourceserver.ResourceServerAdministration}.
 */
@NullMarked
package io.tokenkeeper.ui.resourceserver;

import org.jspecify.annotations.NullMarked;
