-- Who may change what: accounts with a role (organisation editors, network coordinators of zones,
-- administrators) and API tokens of one organisation. Passwords are bcrypt hashes; tokens are stored as
-- SHA-256 hashes only (they are long random values, shown once). No client data here either.
create table account (
    id               bigint generated always as identity primary key,
    email            text        not null unique check (email = lower(email) and email like '%_@_%'),
    name             text        not null check (length(name) between 1 and 200),
    password_hash    text        not null,
    role             text        not null check (role in ('editor', 'coordinator', 'administrator')),
    failed_logins    int         not null default 0,
    locked_until     timestamptz,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table account_organisation (
    account_id      bigint not null references account (id) on delete cascade,
    organisation_id bigint not null references organisation (id) on delete cascade,
    primary key (account_id, organisation_id)
);

create table account_zone (
    account_id bigint not null references account (id) on delete cascade,
    zone_code  text   not null references zone (code),
    primary key (account_id, zone_code)
);

create table api_token (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id) on delete cascade,
    token_hash      text        not null unique,
    label           text        not null,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);
create index api_token_organisation on api_token (organisation_id);
