-- Single sign-on through the company's identity provider (OpenID Connect) and SCIM provisioning.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

-- An account the identity provider manages has no password here: it signs in through the provider only.
alter table app_user alter column password_hash drop not null;

-- Which accounts the identity provider owns. LINKED: it manages the account (created at a first sign-in through it
-- or by SCIM, or a local account linked with an administrator's permission); issuer and subject name the person at
-- the provider once they signed in, external_id is the provider's own id as SCIM sent it. ALLOWED: a local account an
-- administrator allowed to be linked at its owner's next sign-in through the provider.
create table identity_link (
    user_id     bigint       primary key references app_user (id) on delete cascade,
    state       varchar(16)  not null,
    issuer      varchar(500),
    subject     varchar(255),
    external_id varchar(255),
    updated_at  timestamp with time zone not null,
    constraint identity_link_state_known check (state in ('ALLOWED', 'LINKED')),
    constraint identity_link_subject_with_issuer check ((issuer is null) = (subject is null)),
    constraint identity_link_nothing_until_linked
        check (state = 'LINKED' or (subject is null and external_id is null)),
    constraint identity_link_one_account_per_subject unique (issuer, subject)
);

create index identity_link_external_id on identity_link (external_id);

-- The sign-in policy: one row, plus the identity-provider groups that grant each privilege.
create table sign_in_policy (
    id                                   smallint primary key default 1,
    password_sign_in_administrators_only boolean  not null default false,
    updated_at                           timestamp with time zone not null,
    constraint sign_in_policy_single_row check (id = 1)
);

create table group_privilege (
    position   integer      primary key,
    group_name varchar(256) not null,
    privilege  varchar(32)  not null,
    constraint group_privilege_known check (privilege in ('API_ACCESS', 'ADMINISTRATOR')),
    constraint group_privilege_position check (position between 1 and 100),
    constraint group_privilege_once unique (group_name, privilege)
);
