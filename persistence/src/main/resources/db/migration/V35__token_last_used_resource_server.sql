-- Which resource server a token was last used at: the one that introspected it or asked about it by forward-auth, or
-- the built-in Tokenkeeper API. Written with last_used_at, off the request thread. Deleting the resource server
-- forgets it (on delete set null); the index keeps that delete from reading every token.
alter table api_token add column last_used_resource_server_id bigint
    references resource_server (id) on delete set null;

create index api_token_last_used_resource_server on api_token (last_used_resource_server_id);
