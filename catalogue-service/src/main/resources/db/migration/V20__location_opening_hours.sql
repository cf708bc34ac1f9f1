-- Opening hours of a location (issue 20): weekly periods, each "day|opens|closes|note" with ISO day numbers
-- (1 = Monday), so that they map one to one onto Open Referral HSDS schedules (byday, opens_at,
-- closes_at, description); and a free note for closures ("gesloten tussen Kerstmis en Nieuwjaar").
alter table location add column opening_hours text[] not null default '{}';
alter table location add column hours_note    text;
