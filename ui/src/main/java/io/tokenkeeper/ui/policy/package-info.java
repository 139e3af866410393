/** Administration › Policy. */
@NullMarked
package io.tokenkeeper.ui.policy;

import org.jspecify.annotations.NullMarked;
