/**
 * What the application log may contain: every appender's output passes through {@link TokenMasking}, so a token
 * value never reaches a log line or a structured log field, whichever library wrote it.
 */
@NullMarked
package io.tokenkeeper.app.logging;

import org.jspecify.annotations.NullMarked;
