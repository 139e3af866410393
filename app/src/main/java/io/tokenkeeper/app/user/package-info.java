/** User wiring: the first administrator. */
@NullMarked
package io.tokenkeeper.app.user;

import org.jspecify.annotations.NullMarked;
