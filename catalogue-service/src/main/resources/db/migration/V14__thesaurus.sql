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

-- Administrators and coordinators add groups and remove any group (issue 18). A removal is kept as removed_at, so
-- that a shipped group stays removed when the shipped file is loaded again: shipped groups keep their identity
-- across loads by their first term (shipped_key).
alter table thesaurus_group add column shipped_key text, add column removed_at timestamptz, add column removed_by text;
create unique index thesaurus_group_shipped_key on thesaurus_group (shipped_key);
create trigger thesaurus_group_audit after insert or update or delete on thesaurus_group
    for each row execute function audit_change();
