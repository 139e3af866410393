/** The links between accounts and the identity provider in {@code identity_link}. */
@NullMarked
package io.tokenkeeper.persistence.identity;

import org.jspecify.annotations.NullMarked;
