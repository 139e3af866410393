-- Token Management: administrators list every token that is not revoked, search and sort them, and freeze all of one
-- user's tokens at once; unfreezing enables again exactly the tokens the freeze disabled.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create table token_freeze (
    id          bigint       generated always as identity primary key,
    owner_id    bigint       not null references app_user (id) on delete cascade,
    reason      varchar(500) not null,
    frozen_at   timestamp with time zone not null,
    -- Administrators who froze or unfroze tokens may be deleted later; the times stay.
    frozen_by   bigint references app_user (id) on delete set null,
    unfrozen_at timestamp with time zone,
    unfrozen_by bigint references app_user (id) on delete set null,
    constraint token_freeze_reason_not_blank check (length(trim(reason)) > 0),
    constraint token_freeze_unfrozen_after_frozen check (unfrozen_at >= frozen_at),
    constraint token_freeze_unfrozen_by_only_when_unfrozen check (unfrozen_by is null or unfrozen_at is not null)
);

-- Exactly the tokens a freeze disabled.
create table token_freeze_item (
    freeze_id bigint not null references token_freeze (id) on delete cascade,
    token_id  bigint not null references api_token (id) on delete cascade,
    primary key (freeze_id, token_id)
);

create index token_freeze_owner on token_freeze (owner_id, frozen_at desc);
create index token_freeze_item_token on token_freeze_item (token_id);

/* [jooq ignore start] */
-- One active freeze per owner: the backstop behind the service's check.
create unique index token_freeze_one_active_per_owner on token_freeze (owner_id) where unfrozen_at is null;

-- The page lists only tokens that are not revoked. One partial index per sortable column yields a page in that order
-- without sorting the rest; the id breaks ties, so pages never overlap.
create index api_token_active_created on api_token (created_at desc, id desc) where revoked_at is null;
create index api_token_active_name on api_token (name_key, id) where revoked_at is null;
create index api_token_active_hint on api_token (hint, id) where revoked_at is null;
create index api_token_active_last_used on api_token (last_used_at nulls first, id) where revoked_at is null;
create index api_token_active_expires on api_token (expires_at, id) where revoked_at is null;
-- Sorting by status reads each status on its own: enabled tokens through api_token_active_created, expired ones
-- through api_token_active_expires, and the few disabled ones through this.
create index api_token_active_disabled on api_token (created_at desc, id desc) where revoked_at is null and not enabled;
-- Sorting by owner walks app_user_username_key (V1) and each owner's tokens (api_token_owner_created, V2).

-- Searches match prefixes: column like 'text%'. text_pattern_ops makes such a prefix an index range whatever the
-- database's collation.
create index api_token_active_name_prefix on api_token (name_key text_pattern_ops) where revoked_at is null;
create index api_token_active_hint_prefix on api_token (hint text_pattern_ops) where revoked_at is null;
create index app_user_username_prefix on app_user (lower(username) text_pattern_ops);
/* [jooq ignore stop] */
