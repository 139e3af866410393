-- Regenerating a token gives it a new value; the old one may keep working for an overlap the user chose. The old
-- value's digest moves here (one per token: a later regeneration replaces it) and stays after it retired, so that the
-- token's details can say when. A lookup by digest finds a token by its current value in api_token, by its old one here.
create table retiring_token_value (
    token_id        bigint      primary key references api_token (id) on delete cascade,
    digest          bytea       not null,
    hint            varchar(16) not null,
    rotated_at      timestamp with time zone not null,
    retires_at      timestamp with time zone not null,
    -- The old value stops as soon as the new one authenticates a request (retires_at is then the cap).
    until_first_use boolean     not null,
    constraint retiring_token_value_retires_after_rotation check (retires_at >= rotated_at)
);

/* [jooq ignore start] */
alter table retiring_token_value add constraint retiring_token_value_digest_key unique (digest);
alter table retiring_token_value add constraint retiring_token_value_digest_sha256 check (octet_length(digest) = 32);

-- A new value changes which value works: every node must forget both (V3's channel and payload "token:<id>").
create or replace trigger api_token_changed
    after insert or update of enabled, expires_at, revoked_at, name, owner_id, digest or delete on api_token
    for each row execute function notify_token_changed();

create function notify_retiring_value_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('tokenkeeper_token_changes', 'token:' || old.token_id);
    else
        perform pg_notify('tokenkeeper_token_changes', 'token:' || new.token_id);
    end if;
    return null;
end
$$;

create trigger retiring_token_value_changed
    after insert or update or delete on retiring_token_value
    for each row execute function notify_retiring_value_changed();
/* [jooq ignore stop] */
