-- Nodes keep a compact summary of the token values that exist (to tell a guessed value from a real one without a
-- query), so they must hear of new tokens too, not only of changed ones: the trigger of V3 now also fires on insert.
/* [jooq ignore start] */
create or replace trigger api_token_changed
    after insert or update of enabled, expires_at, revoked_at, name, owner_id or delete on api_token
    for each row execute function notify_token_changed();
/* [jooq ignore stop] */
