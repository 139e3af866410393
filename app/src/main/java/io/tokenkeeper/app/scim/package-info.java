/**
 * SCIM 2.0 provisioning (RFC 7643/7644) under {@code /scim/v2}, as Okta and Microsoft Entra ID speak it: the identity
 * provider creates, changes, deactivates and deprovisions the accounts it owns, authenticated by a provisioning token
 * on a stateless chain of its own, with SCIM error bodies.
 */
@NullMarked
package io.tokenkeeper.app.scim;

import org.jspecify.annotations.NullMarked;
