/** Signing in and the User Information pages. */
@NullMarked
package io.tokenkeeper.ui.user;

import org.jspecify.annotations.NullMarked;
