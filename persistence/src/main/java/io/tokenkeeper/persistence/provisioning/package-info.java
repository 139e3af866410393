/** SCIM provisioning tokens in {@code provisioning_token}: digests and hints, never values. */
@NullMarked
package io.tokenkeeper.persistence.provisioning;

import org.jspecify.annotations.NullMarked;
