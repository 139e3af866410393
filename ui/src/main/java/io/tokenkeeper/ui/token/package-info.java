/** Settings › User Information › API Tokens: the seed page. */
@NullMarked
package io.tokenkeeper.ui.token;

import org.jspecify.annotations.NullMarked;
