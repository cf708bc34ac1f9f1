package be.hulpwijzer.catalogue.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Figures of a region over a period, for the report to the network: the trend by month, and the stale share now. */
@Singleton
public class PeriodFigures {

    /** One month and life domain: the median wait of the region's modules as they stood at the end of the month. */
    public record Month(String month, String lifeDomain, @Nullable Double medianWaitDays, int modulesWithWait) {
    }

    /** The region's active modules now: how many, with room now, and not confirmed for 30 days. */
    public record Totals(int modules, int freeNow, int stale, double staleShare) {
    }

    private final JdbcOperations jdbc;

    PeriodFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public List<Month> months(Region region) {
        return jdbc.execute(c -> {
            List<Month> months = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with bounds as (select ?::timestamptz as first, ?::timestamptz as last),
                         modules as (select id, life_domains from module
                                     where status = 'active' and (cardinality(?::text[]) = 0 or zones && ?::text[])),
                         """ + HistoryStates.counted(HistoryStates.Unit.MONTH) + """
                    select to_char(c.period, 'YYYY-MM'), d.domain, percentile_cont(0.5) within group (order by c.wait), count(c.wait)
                    from counted c join modules m on m.id = c.module_id
                    cross join lateral unnest(m.life_domains) as d(domain)
                    group by c.period, d.domain order by d.domain, c.period""")) {
                ps.setObject(1, region.from().atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                ps.setObject(2, region.to().atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                ps.setArray(3, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(4, c.createArrayOf("text", region.zones().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        months.add(new Month(rs.getString(1), rs.getString(2), (Double) rs.getObject(3), rs.getInt(4)));
                    }
                }
            }
            return months;
        });
    }

    @Connectable
    public Totals totals(Region region) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*), count(*) filter (where a.state = 'free'),
                           count(*) filter (where a.confirmed_at is null or a.confirmed_at < now() - interval '30 days')
                    from module m left join availability a on a.module_id = m.id
                    where m.status = 'active' and (cardinality(?::text[]) = 0 or m.zones && ?::text[])""")) {
                ps.setArray(1, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(2, c.createArrayOf("text", region.zones().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int modules = rs.getInt(1);
                    int stale = rs.getInt(3);
                    return new Totals(modules, rs.getInt(2), stale, modules == 0 ? 0 : Math.round(1000.0 * stale / modules) / 1000.0);
                }
            }
        });
    }
}
