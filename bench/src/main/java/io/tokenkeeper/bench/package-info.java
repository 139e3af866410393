/** JMH benchmarks of the token paths that run on every request or every token creation. */
@NullMarked
package io.tokenkeeper.bench;

import org.jspecify.annotations.NullMarked;
