-- A token value pasted into a name, a display name, an email address or a freeze reason used to be stored as typed
-- (and copied into the audit log). The application now refuses such text; this masks what is already there the way
-- the log and the hint do: tkp_ and the first four characters stay, the rest goes.
/* [jooq ignore start] */
update api_token
   set name = regexp_replace(name, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g'),
       name_key = regexp_replace(name_key, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g')
 where name ~ 'tkp_[0-9A-Za-z]{38}';

update app_user
   set display_name = regexp_replace(display_name, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g')
 where display_name ~ 'tkp_[0-9A-Za-z]{38}';

update app_user
   set email = regexp_replace(email, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1', 'g')
 where email ~ 'tkp_[0-9A-Za-z]{38}';

update token_freeze
   set reason = regexp_replace(reason, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g')
 where reason ~ 'tkp_[0-9A-Za-z]{38}';

update audit_event
   set target_name = regexp_replace(target_name, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g'),
       details = regexp_replace(details, 'tkp_([0-9A-Za-z]{4})[0-9A-Za-z]{34,}', 'tkp_\1…', 'g')
 where target_name ~ 'tkp_[0-9A-Za-z]{38}' or details ~ 'tkp_[0-9A-Za-z]{38}';
/* [jooq ignore stop] */
