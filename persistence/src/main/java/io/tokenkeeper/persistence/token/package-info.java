/** The token store. */
@NullMarked
package io.tokenkeeper.persistence.token;

import org.jspecify.annotations.NullMarked;
