-- Crisis and help lines (issue 18), shown on top of searches about suicide, self-harm, abuse or violence and of
-- every search that finds nothing. Reference data from seed-data's reference/helplines.csv, with its source.
-- topics: the first terms of the thesaurus groups that call for the line.
create table helpline (
    code               text primary key,
    name               text    not null,
    number             text    not null,
    url                text    not null,
    description        text    not null,
    topics             text[]  not null default '{}',
    when_nothing_found boolean not null,
    sort_order         int     not null,
    source             text    not null
);
