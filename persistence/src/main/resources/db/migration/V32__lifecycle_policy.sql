-- Rules for tokens' lives after creation: disable tokens unused for N days (off by default) and the lead times of
-- expiry reminders (days before expiry, comma-separated, largest first). One row at most; no row means the defaults.
create table lifecycle_policy (
    id                        smallint     primary key default 1,
    disable_unused_after_days integer,
    reminder_days             varchar(100) not null,
    updated_at                timestamp with time zone not null,
    constraint lifecycle_policy_single_row check (id = 1),
    constraint lifecycle_policy_unused_range
        check (disable_unused_after_days is null or disable_unused_after_days between 1 and 3650)
);

-- When the inactivity rule last disabled the token: its owner may enable it again, and it then has the full period
-- before the rule applies to it again.
alter table api_token add column disabled_for_inactivity_at timestamp with time zone;
