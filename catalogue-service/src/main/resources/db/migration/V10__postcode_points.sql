-- One point per postcode (from the GeoNames gazetteer, see seed-data/README.md), so that search can sort
-- by distance from a postcode, and a location without its own coordinates is placed at its postcode.
-- precision: the point is that of the postcode's place, of its municipality, or the middle of its zone.
create table postcode_point (
    postcode  text             primary key check (postcode ~ '^[0-9]{4}$'),
    latitude  double precision not null check (latitude between -90 and 90),
    longitude double precision not null check (longitude between -180 and 180),
    precision text             not null check (precision in ('place', 'municipality', 'zone'))
);

-- A location without coordinates of its own is indexed at its postcode's point: when points change
-- (a new release of the reference data), the organisations with a location there are indexed again.
create function feed_postcode_point_change() returns trigger language plpgsql as $$
begin
    insert into change_feed (kind, key)
    select distinct 'organisation', l.organisation_id::text
    from location l join changed_points c on c.postcode = l.postcode;
    perform pg_notify('hulpwijzer_changes', '');
    return null;
end $$;

create trigger postcode_point_insert_feed after insert on postcode_point
    referencing new table as changed_points for each statement execute function feed_postcode_point_change();
create trigger postcode_point_update_feed after update on postcode_point
    referencing new table as changed_points for each statement execute function feed_postcode_point_change();
create trigger postcode_point_delete_feed after delete on postcode_point
    referencing old table as changed_points for each statement execute function feed_postcode_point_change();
