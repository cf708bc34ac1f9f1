package be.hulpwijzer.web.zone;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the modules serving one zone, with their organisation and availability, for the zone's social map. */
@Singleton
public class ZoneMap {

    /** One module as the zone page lists it. */
    public record Entry(long id, String title, long organisationId, String organisation, List<String> lifeDomains,
                        int ageMinMonths, Integer ageMaxMonths, String state, Integer freePlaces, Integer waitDays,
                        Instant confirmedAt) {
    }

    private final JdbcOperations jdbc;

    public ZoneMap(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public List<Entry> modules(String zone) {
        return jdbc.execute(connection -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    select m.id, m.title, o.id, o.name, m.life_domains, m.age_min_months, m.age_max_months,
                           coalesce(a.state, 'unknown'), a.free_places, a.expected_wait_days, a.confirmed_at
                    from module m join organisation o on o.id = m.organisation_id
                    left join availability a on a.module_id = m.id
                    where m.status = 'active' and ? = any(m.zones)
                    order by o.name, m.title""")) {
                ps.setString(1, zone);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp confirmed = rs.getTimestamp(11);
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                List.of((String[]) rs.getArray(5).getArray()), rs.getInt(6), (Integer) rs.getObject(7),
                                rs.getString(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                                confirmed == null ? null : confirmed.toInstant()));
                    }
                }
            }
            return entries;
        });
    }
}
