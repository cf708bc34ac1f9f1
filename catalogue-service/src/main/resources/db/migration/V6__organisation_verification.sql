-- A network coordinator marks an organisation's entries as verified: when, and by whom.
alter table organisation add column verified_at timestamptz;
alter table organisation add column verified_by text;
