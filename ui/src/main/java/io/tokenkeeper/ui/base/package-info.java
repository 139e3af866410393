/**
 * What every page shares: shell, layout and navigation, the signed-in user and the check of their privileges, and the
 * small idioms of forms, grids, confirmations and messages.
 */
@NullMarked
package io.tokenkeeper.ui.base;

import org.jspecify.annotations.NullMarked;
