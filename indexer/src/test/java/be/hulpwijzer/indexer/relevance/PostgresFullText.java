package be.hulpwijzer.indexer.relevance;

import be.hulpwijzer.indexer.search.SearchRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The baseline: PostgreSQL full-text search (dutch configuration) over title, description and organisation, the
 * words of the search OR-ed, ranked by ts_rank, with the same filters as the engine read (ages, zones, life
 * domains, access, room now).
 */
final class PostgresFullText {

    private static final String SQL = """
            select m.id from module m join organisation o on o.id = m.organisation_id
              left join availability a on a.module_id = m.id
             where m.status = 'active'
               and to_tsvector('dutch', m.title || ' ' || m.description || ' ' || o.name) @@ to_tsquery('dutch', ?)
               and (?::int is null or (m.age_min_months <= coalesce(?::int, ?::int)
                                       and coalesce(m.age_max_months, 100000) >= ?::int))
               and (cardinality(?::text[]) = 0 or m.zones && ?::text[])
               and (cardinality(?::text[]) = 0 or m.life_domains && ?::text[])
               and (cardinality(?::text[]) = 0 or m.access = any(?::text[]))
               and (not ? or a.state = 'free')
             order by ts_rank(to_tsvector('dutch', m.title || ' ' || m.description || ' ' || o.name),
                              to_tsquery('dutch', ?)) desc, m.id
             limit 10""";

    private PostgresFullText() {
    }

    static List<Long> search(Connection connection, SearchRequest request) throws SQLException {
        String words = Arrays.stream(request.text().split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank())
                .collect(Collectors.joining(" | "));
        List<Long> ids = new ArrayList<>();
        if (words.isEmpty()) {
            return ids;
        }
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            st.setString(1, words);
            st.setObject(2, request.ageMonths());
            st.setObject(3, request.ageToMonths());
            st.setObject(4, request.ageMonths());
            st.setObject(5, request.ageMonths());
            for (int i = 0; i < 2; i++) {
                st.setArray(6 + i, connection.createArrayOf("text", request.zones().toArray()));
                st.setArray(8 + i, connection.createArrayOf("text", request.domains().toArray()));
                st.setArray(10 + i, connection.createArrayOf("text", request.access().toArray()));
            }
            st.setBoolean(12, request.availableNow());
            st.setString(13, words);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
