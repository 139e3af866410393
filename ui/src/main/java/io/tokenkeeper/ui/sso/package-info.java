/**
 * Administration › Single Sign-On: which identity-provider groups grant which privilege, whether the sign-in form is
 * for administrators only, which local accounts the provider may take over, and the SCIM provisioning tokens.
 */
@NullMarked
package io.tokenkeeper.ui.sso;

import org.jspecify.annotations.NullMarked;
