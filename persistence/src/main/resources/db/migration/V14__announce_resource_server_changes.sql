-- Nodes cache resource servers' credentials and scopes (introspection, forward-auth) and must forget them within a
-- second of any change, whoever made it: these triggers send "resource-servers" on the channel of V3.
/* [jooq ignore start] */
create function notify_resource_servers_changed() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('tokenkeeper_token_changes', 'resource-servers');
    return null;
end
$$;

create trigger resource_server_changed
    after insert or update or delete or truncate on resource_server
    for each statement execute function notify_resource_servers_changed();

create trigger resource_server_scope_changed
    after insert or update or delete or truncate on resource_server_scope
    for each statement execute function notify_resource_servers_changed();
/* [jooq ignore stop] */
