-- SCIM provisioning tokens: what an identity provider's provisioning presents. Only a SHA-256 of the value and a hint
-- (tks_ and four characters) are kept; a revoked token's row stays for the audit trail.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create table provisioning_token (
    id           bigint generated always as identity primary key,
    name         varchar(400) not null,
    digest       bytea        not null,
    hint         varchar(16)  not null,
    created_at   timestamp with time zone not null,
    created_by   bigint references app_user (id) on delete set null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   bigint references app_user (id) on delete set null,
    constraint provisioning_token_name_not_blank check (length(trim(name)) > 0),
    constraint provisioning_token_revoked_by_only_when_revoked check (revoked_by is null or revoked_at is not null)
);

/* [jooq ignore start] */
create unique index provisioning_token_digest_key on provisioning_token (digest);
alter table provisioning_token add constraint provisioning_token_digest_sha256 check (octet_length(digest) = 32);
alter table provisioning_token add constraint provisioning_token_hint_format check (hint ~ '^tks_[0-9A-Za-z]{4}…$');
/* [jooq ignore stop] */
