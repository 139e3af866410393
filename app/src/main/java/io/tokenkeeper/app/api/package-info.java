/**
 * The REST API's endpoints under {@code /api/v1}: the caller's own account and tokens, the administration of users,
 * everyone's tokens and resource servers, their JSON bodies, the problem details every error becomes, and the OpenAPI
 * document. Who the caller is comes from {@link io.tokenkeeper.app.api.auth}.
 */
@NullMarked
package io.tokenkeeper.app.api;

import org.jspecify.annotations.NullMarked;
