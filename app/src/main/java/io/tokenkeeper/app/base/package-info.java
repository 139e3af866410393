/** Application wiring: the database, and the domain services built on it. */
@NullMarked
package io.tokenkeeper.app.base;

import org.jspecify.annotations.NullMarked;
