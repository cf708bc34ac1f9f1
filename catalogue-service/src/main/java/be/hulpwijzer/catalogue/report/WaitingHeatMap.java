package be.hulpwijzer.catalogue.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Waiting per zone and life domain (all types and ages together): the cells of the heat map. */
@Singleton
public class WaitingHeatMap {

    /** One cell. */
    public record Cell(String zone, String lifeDomain, int modules, int freeNow, @Nullable Double medianWaitDays, int stale) {
    }

    private final JdbcOperations jdbc;
    private final Clock clock;

    public WaitingHeatMap(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Connectable
    public List<Cell> cells(Collection<String> zones) {
        return jdbc.execute(c -> {
            List<Cell> cells = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select z.zone, d.domain, count(*), count(*) filter (where a.state = 'free'),
                           percentile_cont(0.5) within group (order by case when a.state = 'free' then 0
                                                                            when a.state = 'waiting' then a.expected_wait_days end),
                           count(*) filter (where a.confirmed_at is null or a.confirmed_at < ?)
                    from module m cross join lateral unnest(m.zones) as z(zone)
                    cross join lateral unnest(m.life_domains) as d(domain)
                    left join availability a on a.module_id = m.id
                    where m.status = 'active' and (cardinality(?::text[]) = 0 or z.zone = any(?::text[]))
                    group by 1, 2 order by 1, 2""")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(30))));
                ps.setArray(2, c.createArrayOf("text", zones.toArray()));
                ps.setArray(3, c.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cells.add(new Cell(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                (Double) rs.getObject(5), rs.getInt(6)));
                    }
                }
            }
            return cells;
        });
    }
}
