/** The frame every page shares: shell, layout, and the signed-in user. */
@NullMarked
package io.tokenkeeper.ui.base;

import org.jspecify.annotations.NullMarked;
