/**
 * What the load benchmark ({@code bench/load/api-load.sh}) adds to the application, and only there: the database it
 * starts from, and the unauthenticated twin of {@code GET /api/v1/me}. The script puts this module on the class path
 * of the application jar; the jar itself holds none of it.
 */
@NullMarked
package io.tokenkeeper.bench.load;

import org.jspecify.annotations.NullMarked;
