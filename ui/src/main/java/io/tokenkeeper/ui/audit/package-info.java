/** Administration › Audit Log: who did what, to what, when and from where; read-only. */
@NullMarked
package io.tokenkeeper.ui.audit;

import org.jspecify.annotations.NullMarked;
