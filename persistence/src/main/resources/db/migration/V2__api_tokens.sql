-- Personal API tokens. A token's value is never stored: only the SHA-256 digest of it (to look it up) and a
-- display hint (tkp_ + first 4 random characters … last 4). Revoked rows stay for the audit trail.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create table api_token (
    id           bigint generated always as identity primary key,
    owner_id     bigint       not null references app_user (id) on delete cascade,
    name         varchar(400) not null,
    -- The name case-folded and NFC-normalised by the domain (TokenName.key()): what must be unique per owner.
    name_key     varchar(400) not null,
    digest       bytea        not null,
    hint         varchar(16)  not null,
    enabled      boolean      not null default true,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   bigint references app_user (id) on delete set null,
    last_used_at timestamp with time zone,
    last_used_ip varchar(64),
    constraint api_token_expires_after_created check (expires_at > created_at),
    -- An administrator who revoked tokens may be deleted later; the revocation time stays.
    constraint api_token_revoked_by_only_when_revoked check (revoked_by is null or revoked_at is not null),
    constraint api_token_last_used_ip_only_when_used check (last_used_ip is null or last_used_at is not null)
);

/* [jooq ignore start] */
-- H2, which replays this file for jOOQ's code generator, cannot index a bytea.
alter table api_token add constraint api_token_digest_key unique (digest);
alter table api_token add constraint api_token_digest_sha256 check (octet_length(digest) = 32);
alter table api_token add constraint api_token_name_length
    check (char_length(name) between 1 and 100 and name = btrim(name) and char_length(name_key) > 0);
alter table api_token add constraint api_token_hint_format
    check (hint ~ '^tkp_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$');

-- Names are unique per owner among tokens that are not revoked: revoking a token frees its name.
create unique index api_token_owner_name_key on api_token (owner_id, name_key) where revoked_at is null;
/* [jooq ignore stop] */

-- An owner's list, newest first.
create index api_token_owner_created on api_token (owner_id, created_at desc);
