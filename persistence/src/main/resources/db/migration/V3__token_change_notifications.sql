-- Every node caches, for a few seconds, whether a token may authenticate API requests. These triggers tell all nodes
-- (LISTEN tokenkeeper_token_changes) about any write that may change that answer. pg_notify is transactional: the
-- notification goes out when the writing transaction commits and not at all if it rolls back, whoever the writer is.
-- Payloads: "token:<api_token.id>" or "owner:<app_user.id>".
/* [jooq ignore start] */
create function notify_token_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('tokenkeeper_token_changes', 'token:' || old.id);
    else
        perform pg_notify('tokenkeeper_token_changes', 'token:' || new.id);
    end if;
    return null;
end
$$;

create function notify_owner_changed() returns trigger
    language plpgsql as $$
begin
    if tg_table_name = 'user_privilege' and tg_op = 'DELETE' then
        perform pg_notify('tokenkeeper_token_changes', 'owner:' || old.user_id);
    elsif tg_table_name = 'user_privilege' then
        perform pg_notify('tokenkeeper_token_changes', 'owner:' || new.user_id);
    elsif tg_op = 'DELETE' then
        perform pg_notify('tokenkeeper_token_changes', 'owner:' || old.id);
    else
        perform pg_notify('tokenkeeper_token_changes', 'owner:' || new.id);
    end if;
    return null;
end
$$;

-- Not on last_used_at / last_used_ip: recording use changes nothing about whether a token works.
create trigger api_token_changed
    after update of enabled, expires_at, revoked_at, name, owner_id or delete on api_token
    for each row execute function notify_token_changed();

create trigger app_user_changed
    after update of enabled, username or delete on app_user
    for each row execute function notify_owner_changed();

create trigger user_privilege_changed
    after insert or update or delete on user_privilege
    for each row execute function notify_owner_changed();
/* [jooq ignore stop] */
