package be.hulpwijzer.web.testing;

import be.hulpwijzer.catalogue.testing.Sql;

/** What an attack must leave as it was, as text: any change to one row shows. */
public final class Rows {

    private Rows() {
    }

    /** Every row of an organisation (itself, its modules, their availability, locations, engagements, tokens) and every method. */
    public static String ofOrganisation(Sql sql, long id) {
        return String.join("\n", sql.column("""
                select to_jsonb(o)::text from organisation o where o.id = %1$d
                union all select to_jsonb(m)::text from module m where m.organisation_id = %1$d
                union all select to_jsonb(a)::text from availability a join module m on m.id = a.module_id where m.organisation_id = %1$d
                union all select to_jsonb(l)::text from location l where l.organisation_id = %1$d
                union all select to_jsonb(e)::text from engagement e where e.organisation_id = %1$d
                union all select to_jsonb(t)::text from api_token t where t.organisation_id = %1$d
                union all select to_jsonb(x)::text from method x
                order by 1""".formatted(id)));
    }
}
