-- Resource servers: the APIs that accept Tokenkeeper tokens, the scopes each defines, the client credential each
-- uses to ask about a token (only a SHA-256 of the secret is kept), and which token holds which scope. Tokenkeeper's
-- own REST API is the built-in resource server; every token that existed before holds both of its scopes, so it
-- keeps exactly the access it had.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create table resource_server (
    id            bigint generated always as identity primary key,
    name          varchar(400)  not null,
    identifier    varchar(200)  not null unique,
    description   varchar(2000) not null default '',
    client_id     varchar(32)   unique,
    secret_digest bytea,
    secret_hint   varchar(16),
    enabled       boolean       not null default true,
    built_in      boolean       not null default false,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint resource_server_name_not_blank check (length(trim(name)) > 0),
    constraint resource_server_credential_whole
        check ((client_id is null) = (secret_digest is null) and (client_id is null) = (secret_hint is null)),
    constraint resource_server_credential_unless_built_in check (built_in or client_id is not null),
    constraint resource_server_updated_after_created check (updated_at >= created_at)
);

create table resource_server_scope (
    id                 bigint generated always as identity primary key,
    resource_server_id bigint       not null references resource_server (id) on delete cascade,
    position           integer      not null,
    scope              varchar(64)  not null unique,
    description        varchar(400) not null,
    constraint resource_server_scope_position unique (resource_server_id, position)
);

create table api_token_scope (
    token_id bigint not null references api_token (id) on delete cascade,
    scope_id bigint not null references resource_server_scope (id) on delete cascade,
    primary key (token_id, scope_id)
);

create index api_token_scope_scope on api_token_scope (scope_id);

-- Where a token may be used from, when its owner narrowed it (same syntax as the policy's trusted ranges).
create table api_token_allowed_range (
    token_id bigint      not null references api_token (id) on delete cascade,
    position integer     not null,
    ip_range varchar(64) not null,
    primary key (token_id, position),
    constraint api_token_allowed_range_position check (position between 1 and 25)
);

-- What the New API Token dialog and POST /api/v1/tokens pre-select.
create table policy_default_scope (
    scope_id bigint primary key references resource_server_scope (id) on delete cascade
);

/* [jooq ignore start] */
create unique index resource_server_name_key on resource_server (lower(name));
create unique index resource_server_one_built_in on resource_server (built_in) where built_in;
alter table resource_server add constraint resource_server_digest_sha256
    check (secret_digest is null or octet_length(secret_digest) = 32);
alter table resource_server_scope add constraint resource_server_scope_format
    check (scope ~ '^[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*$');

insert into resource_server (name, identifier, description, enabled, built_in, created_at, updated_at)
values ('Tokenkeeper', 'urn:tokenkeeper:api', 'Tokenkeeper''s own REST API under /api/v1.', true, true, now(), now());

insert into resource_server_scope (resource_server_id, position, scope, description)
select id, 1, 'tokenkeeper:read', 'Read through Tokenkeeper''s REST API (GET and HEAD on /api/v1)'
  from resource_server where built_in;
insert into resource_server_scope (resource_server_id, position, scope, description)
select id, 2, 'tokenkeeper:write', 'Change through Tokenkeeper''s REST API (every other method on /api/v1)'
  from resource_server where built_in;

insert into api_token_scope (token_id, scope_id)
select t.id, s.id from api_token t cross join resource_server_scope s
 where s.scope in ('tokenkeeper:read', 'tokenkeeper:write');

insert into policy_default_scope (scope_id)
select id from resource_server_scope where scope in ('tokenkeeper:read', 'tokenkeeper:write');

create function notify_token_scope_changed() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('tokenkeeper_token_changes', 'token:' || old.token_id);
    return null;
end
$$;

-- A token losing a scope (its resource server deleted, the scope removed) must be seen by every node's cache, as
-- any other change of what a token may do (V3).
create trigger api_token_scope_changed
    after delete on api_token_scope
    for each row execute function notify_token_scope_changed();
/* [jooq ignore stop] */
