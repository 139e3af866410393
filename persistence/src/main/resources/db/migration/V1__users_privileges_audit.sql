-- Users, their privileges and the audit trail.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    display_name  varchar(400) not null,
    email         varchar(254),
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint app_user_display_name_not_blank check (length(trim(display_name)) > 0),
    constraint app_user_updated_after_created check (updated_at >= created_at)
);

/* [jooq ignore start] */
-- Usernames are unique ignoring case; the domain allows only ASCII letters, digits and . _ - @ in them.
create unique index app_user_username_key on app_user (lower(username));
alter table app_user add constraint app_user_username_format
    check (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$');
/* [jooq ignore stop] */

create table user_privilege (
    user_id    bigint      not null references app_user (id) on delete cascade,
    privilege  varchar(32) not null,
    granted_at timestamp with time zone not null,
    primary key (user_id, privilege),
    constraint user_privilege_known check (privilege in ('API_ACCESS', 'ADMINISTRATOR'))
);

create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamp with time zone not null,
    actor_id       bigint references app_user (id) on delete set null,
    actor_name     varchar(64)   not null,
    action         varchar(64)   not null,
    target_type    varchar(16)   not null,
    target_id      varchar(64),
    target_name    varchar(400),
    details        varchar(2000) not null,
    client_address varchar(64)
);

create index audit_event_occurred_at on audit_event (occurred_at desc, id desc);
create index audit_event_actor on audit_event (actor_id, occurred_at desc);
