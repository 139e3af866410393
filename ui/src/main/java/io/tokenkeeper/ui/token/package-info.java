/** API tokens in the browser: the API Tokens tab (the seed page) and Administration › Token Management. */
@NullMarked
package io.tokenkeeper.ui.token;

import org.jspecify.annotations.NullMarked;
