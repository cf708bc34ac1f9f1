package be.hulpwijzer.catalogue.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The median expected wait by week over the last twelve months, for one zone and life domain, from the
 * availability history: each week counts every module as it stood at the end of that week.
 */
@Singleton
public class WaitingTrend {

    /** One week: its Monday, the median wait (null when no module had a known wait) and how many modules counted. */
    public record Week(LocalDate week, @Nullable Double medianWaitDays, int modules) {
    }

    private final JdbcOperations jdbc;

    public WaitingTrend(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public List<Week> weeks(String zone, String lifeDomain) {
        return jdbc.execute(c -> {
            List<Week> weeks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with weeks as (select generate_series(date_trunc('week', now() - interval '51 weeks'), date_trunc('week', now()),
                                                          interval '1 week') as week),
                         modules as (select id from module where status = 'active' and ? = any(zones) and ? = any(life_domains))
                    select w.week::date, percentile_cont(0.5) within group (order by h.wait), count(h.wait)
                    from weeks w cross join modules m
                    left join lateral (select case when state = 'free' then 0 when state = 'waiting' then expected_wait_days end as wait
                                       from availability_history h where h.module_id = m.id and h.confirmed_at < w.week + interval '1 week'
                                       order by h.confirmed_at desc, h.id desc limit 1) h on true
                    group by w.week order by w.week""")) {
                ps.setString(1, zone);
                ps.setString(2, lifeDomain);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        weeks.add(new Week(rs.getDate(1).toLocalDate(), (Double) rs.getObject(2), rs.getInt(3)));
                    }
                }
            }
            return weeks;
        });
    }
}
