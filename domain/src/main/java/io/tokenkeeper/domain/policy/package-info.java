/** The rules administrators set for tokens: quota, lifetime and where API calls may come from. */
@NullMarked
package io.tokenkeeper.domain.policy;

import org.jspecify.annotations.NullMarked;
