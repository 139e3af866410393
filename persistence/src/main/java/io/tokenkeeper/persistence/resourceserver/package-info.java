/** Resource servers, their scopes and credentials in {@code resource_server} and {@code resource_server_scope}. */
@NullMarked
package io.tokenkeeper.persistence.resourceserver;

import org.jspecify.annotations.NullMarked;
