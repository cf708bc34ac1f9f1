-- What was imported from Open Referral HSDS (issue 21): the HSDS UUID of each object, the entry it became,
-- and a hash of what was imported, so that importing the same data again updates nothing and never duplicates.
create table hsds_import (
    kind         text        not null,
    uuid         uuid        not null,
    internal_id  bigint      not null,
    content_hash text        not null,
    imported_at  timestamptz not null default now(),
    primary key (kind, uuid)
);
