-- What tokens do, written by each node in batches (never on a request thread): calls per token and day (UTC, kept
-- 90 days), the last distinct client addresses (5 per token), and the latest user agent and endpoint.
create table token_daily_calls (
    token_id bigint not null references api_token (id) on delete cascade,
    day      date   not null,
    calls    bigint not null,
    primary key (token_id, day),
    constraint token_daily_calls_positive check (calls > 0)
);

create table token_address_use (
    token_id   bigint      not null references api_token (id) on delete cascade,
    address    varchar(64) not null,
    first_seen timestamp with time zone not null,
    last_seen  timestamp with time zone not null,
    primary key (token_id, address)
);

create table token_activity (
    token_id        bigint primary key references api_token (id) on delete cascade,
    last_user_agent varchar(512),
    -- Method and route pattern, such as "GET /api/v1/tokens/{id}"; never a query string.
    last_endpoint   varchar(200),
    last_seen_at    timestamp with time zone not null
);

-- The id of every batch written, so that a batch whose commit went unconfirmed is never counted twice.
create table usage_batch (
    id         uuid primary key,
    written_at timestamp with time zone not null
);
