-- What was asked and what it found, for the signaalfunctie: filters and normalised everyday words only.
-- No user, no IP address, no session, not even the time of day: the day is enough to count by month.
create table search_log (
    id              bigint generated always as identity primary key,
    searched_on     date    not null default current_date,
    terms           text[]  not null default '{}',
    zones           text[]  not null default '{}',
    domains         text[]  not null default '{}',
    types           text[]  not null default '{}',
    age_band        text,
    available_now   boolean not null default false,
    max_wait_weeks  int,
    hits            int     not null,
    hits_free       int     not null
);
create index search_log_day on search_log (searched_on);
