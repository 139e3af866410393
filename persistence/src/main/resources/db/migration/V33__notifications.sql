-- Notifications per user (the bell in the header), which kinds each user does not want by mail, and the claims that
-- make every expiry reminder and every announcement of a retired old value go out once across all nodes.
create table notification (
    id         bigint generated always as identity primary key,
    user_id    bigint       not null references app_user (id) on delete cascade,
    kind       varchar(32)  not null,
    title      varchar(200) not null,
    message    varchar(2000) not null,
    token_id   bigint references api_token (id) on delete set null,
    address    varchar(64),
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);

create index notification_user_newest on notification (user_id, created_at desc, id desc);

create table notification_mail_opt_out (
    user_id bigint      not null references app_user (id) on delete cascade,
    kind    varchar(32) not null,
    primary key (user_id, kind)
);

-- One row per token and lead time (0: "expired") whose reminder went out; the key is the claim.
create table expiry_reminder (
    token_id   bigint  not null references api_token (id) on delete cascade,
    lead_days  integer not null,
    claimed_at timestamp with time zone not null,
    primary key (token_id, lead_days)
);

alter table retiring_token_value add column announced_at timestamp with time zone;
