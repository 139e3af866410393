package io.tokenkeeper.app.activity;

import io.tokenkeeper.domain.token.Token;

/** Whoever tells an owner that the inactivity rule disabled their token (the notifications, when present). */
@FunctionalInterface
public interface UnusedTokenNotice {

    void disabled(Token token);
}
