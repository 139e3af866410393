package io.tokenkeeper.domain.identity;

import io.tokenkeeper.domain.user.User;

/** An account together with its link to the identity provider. */
public record LinkedAccount(User user, IdentityLink link) {}
