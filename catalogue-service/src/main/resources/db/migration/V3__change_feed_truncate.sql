-- TRUNCATE fires no row triggers: record it as a change of everything, which makes the search index
-- rebuild from the database instead of following row by row.
alter table change_feed drop constraint change_feed_kind_check;
alter table change_feed add constraint change_feed_kind_check
    check (kind in ('module', 'organisation', 'method', 'engagement', 'everything'));

create function feed_truncate() returns trigger language plpgsql as $$
begin
    insert into change_feed (kind, key) values ('everything', tg_table_name);
    perform pg_notify('hulpwijzer_changes', '');
    return null;
end $$;

create trigger module_feed_truncate after truncate on module
    for each statement execute function feed_truncate();
create trigger availability_feed_truncate after truncate on availability
    for each statement execute function feed_truncate();
create trigger organisation_feed_truncate after truncate on organisation
    for each statement execute function feed_truncate();
create trigger location_feed_truncate after truncate on location
    for each statement execute function feed_truncate();
create trigger method_feed_truncate after truncate on method
    for each statement execute function feed_truncate();
create trigger engagement_feed_truncate after truncate on engagement
    for each statement execute function feed_truncate();
