/**
 * Client addresses and the ranges that allow or trust them: the policy's trusted ranges, a token's allowed
 * addresses, the reverse proxies whose forwarded headers are believed.
 */
@NullMarked
package io.tokenkeeper.domain.network;

import org.jspecify.annotations.NullMarked;
