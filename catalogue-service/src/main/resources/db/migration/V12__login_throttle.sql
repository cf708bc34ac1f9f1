-- Failed logins slow down whoever fails; they never lock an account for its owner. Counted per
-- (e-mail, client address) and per client address, each under a SHA-256 key (no address or e-mail kept
-- in clear). The per-account lock of V4 let any stranger lock anyone out, administrators included.
create table login_throttle (
    key          text        primary key,
    failures     int         not null,
    last_failure timestamptz not null
);

alter table account drop column failed_logins, drop column locked_until;
