-- Secrets never enter the audit log: neither password hashes nor API token hashes (a token's hash is
-- enough to recognise the token in a leaked copy). Rows written before this change lose them too.
create or replace function audit_change() returns trigger language plpgsql as $$
declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' - 'token_hash' end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' - 'token_hash' end;
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

update audit_log set before = before - 'token_hash' - 'password_hash', after = after - 'token_hash' - 'password_hash'
where before ? 'token_hash' or after ? 'token_hash' or before ? 'password_hash' or after ? 'password_hash';
