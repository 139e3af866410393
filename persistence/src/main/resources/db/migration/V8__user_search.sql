-- Users are searched by any part of their username, display name or email (Administration › Users). A trigram
-- index serves "contains" patterns of three or more characters without reading every row.
/* [jooq ignore start] */
create extension if not exists pg_trgm;

create index app_user_search_trgm on app_user
    using gin ((lower(username) || ' ' || lower(display_name) || ' ' || coalesce(lower(email), '')) gin_trgm_ops);
/* [jooq ignore stop] */
