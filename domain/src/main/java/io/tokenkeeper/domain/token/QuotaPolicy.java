package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;

/** How many active tokens an owner may have; the token policy sets one quota for every user. */
@FunctionalInterface
public interface QuotaPolicy {

    TokenQuota quotaFor(UserId owner);
}
