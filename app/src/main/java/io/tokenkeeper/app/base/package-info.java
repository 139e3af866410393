/** Application wiring: the database, the domain services built on it, and the Vaadin settings that are not views. */
@NullMarked
package io.tokenkeeper.app.base;

import org.jspecify.annotations.NullMarked;
