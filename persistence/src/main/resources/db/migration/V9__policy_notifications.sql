-- Every node caches the token policy for a few seconds, because the API checks its trusted IP ranges on every
-- request. These triggers tell all nodes about any write to it, on the channel of V3 (LISTEN tokenkeeper_token_changes),
-- whoever the writer is. They fire once per statement, and PostgreSQL sends identical notifications of one transaction
-- once, when it commits. Payload: "policy".
/* [jooq ignore start] */
create function notify_policy_changed() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('tokenkeeper_token_changes', 'policy');
    return null;
end
$$;

create trigger token_policy_changed
    after insert or update or delete or truncate on token_policy
    for each statement execute function notify_policy_changed();

create trigger trusted_ip_range_changed
    after insert or update or delete or truncate on trusted_ip_range
    for each statement execute function notify_policy_changed();
/* [jooq ignore stop] */
