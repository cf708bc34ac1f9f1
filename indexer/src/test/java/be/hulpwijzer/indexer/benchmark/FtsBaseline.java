package be.hulpwijzer.indexer.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The baseline a search is compared with: PostgreSQL full-text search (`to_tsvector('dutch')`, GIN) with
 * the same filters (zone, life domain, room now), the first 20 by rank, the total, and facet counts for
 * zone, life domain and type by GROUP BY: what the search page would need from PostgreSQL alone.
 */
final class FtsBaseline implements AutoCloseable {

    private static final String SQL = """
            with hits as (
                select m.id, m.zones, m.life_domains, m.type,
                       case when ? = '' then 0 else ts_rank(to_tsvector('dutch', m.title || ' ' || m.description), plainto_tsquery('dutch', ?)) end as rank
                from module m left join availability a on a.module_id = m.id
                where m.status = 'active'
                  and (? = '' or to_tsvector('dutch', m.title || ' ' || m.description) @@ plainto_tsquery('dutch', ?))
                  and (cardinality(?::text[]) = 0 or m.zones && ?::text[])
                  and (cardinality(?::text[]) = 0 or m.life_domains && ?::text[])
                  and (not ? or a.state = 'free'))
            select (select count(*) from hits),
                   (select array_agg(id) from (select id from hits order by rank desc, id limit 20) top),
                   (select count(*) from (select z, count(*) from hits, unnest(zones) z group by z) f),
                   (select count(*) from (select d, count(*) from hits, unnest(life_domains) d group by d) f),
                   (select count(*) from (select type, count(*) from hits group by type) f)""";

    private final Connection connection;
    private final PreparedStatement statement;

    FtsBaseline(Connection connection) throws SQLException {
        this.connection = connection;
        this.statement = connection.prepareStatement(SQL);
    }

    /** Runs the search; answers the total number of hits. */
    long search(String text, List<String> zones, List<String> domains, boolean availableNow) throws SQLException {
        statement.setString(1, text);
        statement.setString(2, text);
        statement.setString(3, text);
        statement.setString(4, text);
        statement.setArray(5, connection.createArrayOf("text", zones.toArray()));
        statement.setArray(6, connection.createArrayOf("text", zones.toArray()));
        statement.setArray(7, connection.createArrayOf("text", domains.toArray()));
        statement.setArray(8, connection.createArrayOf("text", domains.toArray()));
        statement.setBoolean(9, availableNow);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }
}
