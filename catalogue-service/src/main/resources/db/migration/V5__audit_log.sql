-- Every change to an organisation's entries, whoever makes it: who, when, what before and after.
-- The application names the actor for its transaction (set_config('hulpwijzer.actor', ..., true));
-- changes made outside it (SQL, migrations, bulk loads) are recorded as by 'database'.
create table audit_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null default now(),
    actor           text        not null,
    action          text        not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
    entity          text        not null,
    entity_id       text        not null,
    organisation_id bigint,
    before          jsonb,
    after           jsonb
);
create index audit_log_organisation on audit_log (organisation_id, at desc);

create function audit_change() returns trigger language plpgsql as $$
declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' end;
    any_row jsonb := coalesce(new_row, old_row);
begin
    if tg_op = 'UPDATE' and old_row = new_row then
        return null;
    end if;
    insert into audit_log (actor, action, entity, entity_id, organisation_id, before, after)
    values (coalesce(nullif(current_setting('hulpwijzer.actor', true), ''), 'database'), tg_op, tg_table_name,
            coalesce(any_row ->> 'id', any_row ->> 'module_id'),
            case when tg_table_name = 'organisation' then (any_row ->> 'id')::bigint
                 when tg_table_name = 'availability' then (select m.organisation_id from module m where m.id = (any_row ->> 'module_id')::bigint)
                 else (any_row ->> 'organisation_id')::bigint end,
            old_row, new_row);
    return null;
end $$;

create trigger organisation_audit after insert or update or delete on organisation for each row execute function audit_change();
create trigger module_audit after insert or update or delete on module for each row execute function audit_change();
create trigger availability_audit after insert or update or delete on availability for each row execute function audit_change();
create trigger location_audit after insert or update or delete on location for each row execute function audit_change();
create trigger engagement_audit after insert or update or delete on engagement for each row execute function audit_change();
create trigger method_audit after insert or update or delete on method for each row execute function audit_change();
create trigger api_token_audit after insert or update or delete on api_token for each row execute function audit_change();
create trigger account_audit after insert or update or delete on account for each row execute function audit_change();
