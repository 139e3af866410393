-- The Audit Log's filters, each backed by an index that also yields the grid's order (newest first, then by id), so a
-- page of a selective filter reads only that page. The time range alone uses audit_event_occurred_at (V1).
-- Names are matched by prefix ignoring case: lower(column) like lower(?) || '%'. text_pattern_ops makes such a prefix
-- an index range whatever the database's collation.
-- PostgreSQL-only statements sit between "jooq ignore" markers: jOOQ's code generator replays this file in H2.

create index audit_event_action on audit_event (action, occurred_at desc, id desc);

-- Looking an event up by its target's id ("every event about token 42").
create index audit_event_target_id on audit_event (target_id, occurred_at desc, id desc);

/* [jooq ignore start] */
create index audit_event_actor_name on audit_event (lower(actor_name) text_pattern_ops, occurred_at desc, id desc);
create index audit_event_target_name on audit_event (lower(target_name) text_pattern_ops, occurred_at desc, id desc);
/* [jooq ignore stop] */
