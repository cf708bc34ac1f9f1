-- Whether an organisation is active in any of these zones: a module serves one of them, or a location lies
-- in one. One definition for who a coordinator looks after (accounts they may make, organisations they may
-- verify, accounts they see). Parameters are prefixed: unqualified, "zones" would be the module's column.
create function organisation_active_in(p_organisation bigint, p_zones text[]) returns boolean
language sql stable as $$
    select exists (select 1 from module m where m.organisation_id = p_organisation and m.zones && p_zones)
        or exists (select 1 from location l join postcode p on p.postcode = l.postcode
                   where l.organisation_id = p_organisation and p.zone_code = any(p_zones))
$$;
