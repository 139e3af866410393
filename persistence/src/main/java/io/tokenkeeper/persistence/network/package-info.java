/** What the nodes share about client addresses: the buckets of failed authentications per client. */
@NullMarked
package io.tokenkeeper.persistence.network;

import org.jspecify.annotations.NullMarked;
