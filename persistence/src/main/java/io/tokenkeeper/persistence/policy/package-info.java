/**
 * The token policy in {@code token_policy} and {@code trusted_ip_range}, the sign-in policy in {@code sign_in_policy}
 * and {@code group_privilege}.
 */
@NullMarked
package io.tokenkeeper.persistence.policy;

import org.jspecify.annotations.NullMarked;
