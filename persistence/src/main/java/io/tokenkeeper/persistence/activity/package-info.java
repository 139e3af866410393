/** Tokens' activity in {@code token_daily_calls}, {@code token_address_use} and {@code token_activity}. */
@NullMarked
package io.tokenkeeper.persistence.activity;

import org.jspecify.annotations.NullMarked;
