/**
 * How accounts belong to the company's identity provider: the link between an account and the person at the
 * provider (OpenID Connect issuer and subject, SCIM {@code externalId}), the claims a sign-in through the provider
 * brings, and the port that stores the links.
 */
@NullMarked
package io.tokenkeeper.domain.identity;

import org.jspecify.annotations.NullMarked;
