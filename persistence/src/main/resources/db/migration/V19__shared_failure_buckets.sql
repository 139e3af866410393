-- Failed API authentications per client (an IPv4 address or an IPv6 /64), shared by every node so that the limit
-- (30 per 3 minutes by default) holds for the whole cluster. A row is a token bucket: what was left at counted_at;
-- what refilled since is computed when the next failure comes. A row older than the refill period means a full
-- bucket and may be deleted at any time.
create table failure_bucket (
    client     varchar(64) primary key,
    allowance  double precision not null,
    counted_at timestamp with time zone not null,
    -- Whether the latest failure took an allowance (false: the bucket was empty and the client over its limit).
    counted    boolean not null
);

create index failure_bucket_counted_at on failure_bucket (counted_at);
