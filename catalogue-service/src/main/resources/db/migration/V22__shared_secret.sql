-- Secrets every node on this database shares: the signing secret of login cookies when
-- HULPWIJZER_SESSION_SECRET is not set, so that a login on one node holds on every other. Never audited.
create table shared_secret (
    name       text primary key,
    value      text        not null,
    created_at timestamptz not null default now()
);
