-- A browser session ends when its user's account is disabled, their privileges change or their password is reset
-- (app.security.SessionGuard). Each node learns of such changes through the channel of V3, which until now left out
-- the password: the trigger now fires on it too.
/* [jooq ignore start] */
create or replace trigger app_user_changed
    after update of enabled, username, password_hash or delete on app_user
    for each row execute function notify_owner_changed();
/* [jooq ignore stop] */
