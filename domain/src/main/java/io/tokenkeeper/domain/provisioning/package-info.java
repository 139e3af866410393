/**
 * SCIM provisioning tokens: the credentials an identity provider's provisioning presents, created, listed and revoked
 * by administrators and good for SCIM only.
 */
@NullMarked
package io.tokenkeeper.domain.provisioning;

import org.jspecify.annotations.NullMarked;
