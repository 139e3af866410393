-- The token policy administrators set: one row, plus the trusted IP ranges for the API in their order.

create table token_policy (
    id                smallint    primary key default 1,
    token_quota       integer     not null default 5,
    max_lifetime_days integer,
    updated_at        timestamp with time zone not null,
    constraint token_policy_single_row check (id = 1),
    constraint token_policy_quota_range check (token_quota between 1 and 100),
    constraint token_policy_lifetime_range check (max_lifetime_days is null or max_lifetime_days between 1 and 3650)
);

create table trusted_ip_range (
    position  integer     primary key,
    ip_range  varchar(64) not null unique,
    constraint trusted_ip_range_position check (position between 1 and 25)
);
