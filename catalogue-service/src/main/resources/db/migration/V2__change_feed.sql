-- A transactional change feed for the search index: every committed change to what a search document
-- holds adds a row here, in the same transaction, whoever writes (API, SQL, migration, bulk load).
--
-- The follower reads rows by transaction id, not by seq: a row is read only once its transaction is no
-- longer running (xid below the snapshot's xmin), so a transaction that commits late can never be
-- skipped. The follower re-reads the current state of what a row names, so order within a batch and
-- replays do not matter.
create table change_feed (
    seq        bigint generated always as identity primary key,
    xid        xid8        not null default pg_current_xact_id(),
    kind       text        not null check (kind in ('module', 'organisation', 'method', 'engagement')),
    key        text        not null,
    changed_at timestamptz not null default now()
);
create index change_feed_xid on change_feed (xid);

create function feed_change() returns trigger language plpgsql as $$
declare
    row_data jsonb := to_jsonb(coalesce(new, old));
    entry_kind text := tg_argv[0];
    entry_key text := row_data ->> tg_argv[1];
begin
    insert into change_feed (kind, key) values (entry_kind, entry_key);
    -- wakes the follower at once; polling is the fall-back when a notification is missed
    perform pg_notify('hulpwijzer_changes', '');
    return null;
end $$;

create trigger module_feed after insert or update or delete on module
    for each row execute function feed_change('module', 'id');
create trigger availability_feed after insert or update or delete on availability
    for each row execute function feed_change('module', 'module_id');
create trigger organisation_feed after update or delete on organisation
    for each row execute function feed_change('organisation', 'id');
create trigger location_feed after insert or update or delete on location
    for each row execute function feed_change('organisation', 'organisation_id');
create trigger method_feed after update or delete on method
    for each row execute function feed_change('method', 'code');
create trigger engagement_feed after insert or update or delete on engagement
    for each row execute function feed_change('engagement', 'id');
