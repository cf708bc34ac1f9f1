-- A login opens a session; its id travels in the signed login cookie and must still be here on every
-- request. Logging out ends that session; changing the password ends the account's other sessions.
create table account_session (
    id_hash    text        primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamptz not null default now()
);
create index account_session_account on account_session (account_id);
