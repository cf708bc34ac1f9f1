-- The thesaurus of the field (issue 18): words and phrases that mean the same to someone looking for help,
-- each group optionally pointing to a life domain and a module type (to rank, never to filter). Shipped groups
-- come from seed-data's reference/thesaurus.csv and are replaced when that file changes; groups added by
-- administrators and coordinators (shipped = false) are kept.
create table thesaurus_group (
    id          bigint generated always as identity primary key,
    terms       text[]      not null check (cardinality(terms) >= 1),
    life_domain text references life_domain (code),
    module_type text references module_type (code),
    source      text        not null,
    shipped     boolean     not null default true,
    created_by  text,
    created_at  timestamptz not null default now()
);
