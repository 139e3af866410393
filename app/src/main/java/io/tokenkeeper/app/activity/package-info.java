/**
 * Recording what tokens do without slowing their requests (summed in memory, written in batches by a thread of its
 * own), and the wiring of the activity service.
 */
@NullMarked
package io.tokenkeeper.app.activity;

import org.jspecify.annotations.NullMarked;
