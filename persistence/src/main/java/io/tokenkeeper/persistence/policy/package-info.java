/** The token policy store. */
@NullMarked
package io.tokenkeeper.persistence.policy;

import org.jspecify.annotations.NullMarked;
