/** The token policy in {@code token_policy} and {@code trusted_ip_range}. */
@NullMarked
package io.tokenkeeper.persistence.policy;

import org.jspecify.annotations.NullMarked;
