package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;

/** How many active tokens a user may have; the administration makes it editable per user. */
@FunctionalInterface
public interface QuotaPolicy {

    TokenQuota quotaFor(UserId owner);
}
