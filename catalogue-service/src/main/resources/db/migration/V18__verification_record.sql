-- What a coordinator verified (issue 19): not only when and by whom, but which parts were checked,
-- a note, and how many modules the organisation had then. The latest is also kept on organisation.
create table organisation_verification (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id) on delete cascade,
    verified_at     timestamptz not null,
    verified_by     text not null,
    checked         text[] not null check (cardinality(checked) > 0),
    note            text,
    modules         int not null
);
create index organisation_verification_organisation on organisation_verification (organisation_id, verified_at desc);
