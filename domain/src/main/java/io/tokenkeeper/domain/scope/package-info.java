/**
 * Scopes: what a token may do at one resource server ({@code orders:read}), and how a resource server is named where
 * a token refers to one. Below both the tokens that hold scopes and the resource servers that define them.
 */
@NullMarked
package io.tokenkeeper.domain.scope;

import org.jspecify.annotations.NullMarked;
