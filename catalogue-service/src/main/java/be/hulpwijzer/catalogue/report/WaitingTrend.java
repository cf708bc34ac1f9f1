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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The median expected wait by week over the last twelve months, for one zone and life domain, from the
 * availability history: each week counts every module as it stood at the end of that week. The history
 * of the zone's modules is read once; each entry counts at every week end until the module's next entry.
 */
@Singleton
public class WaitingTrend {

    /** One week: its Monday, the median wait (null when no module had a known wait) and how many modules counted. */
    public record Week(LocalDate week, @Nullable Double medianWaitDays, int modules) {
    }

    /** A trend as computed after a given refresh of the waiting figures. */
    private record Computed(long generation, List<Week> weeks) {
    }

    private final JdbcOperations jdbc;
    private final WaitingFigures figures;
    /** At most one entry per zone and life domain; replaced when the figures were refreshed since. */
    private final Map<String, Computed> computed = new ConcurrentHashMap<>();

    public WaitingTrend(JdbcOperations jdbc, WaitingFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /**
     * The trend as of the last refresh of the waiting figures (computed once per refresh, zone and life
     * domain: on a million modules it takes about a second, the page is public).
     */
    @Connectable
    public List<Week> weeks(String zone, String lifeDomain) {
        long generation = figures.generation();
        Computed cached = computed.get(zone + "|" + lifeDomain);
        if (cached != null && cached.generation() == generation) {
            return cached.weeks();
        }
        List<Week> weeks = compute(zone, lifeDomain);
        computed.put(zone + "|" + lifeDomain, new Computed(generation, weeks));
        return weeks;
    }

    private List<Week> compute(String zone, String lifeDomain) {
        return jdbc.execute(c -> {
            List<Week> weeks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with bounds as (select date_trunc('week', now() - interval '51 weeks') as first, date_trunc('week', now()) as last),
                         modules as (select id from module where status = 'active' and ? = any(zones) and ? = any(life_domains)),
                         """ + HistoryStates.counted(HistoryStates.Unit.WEEK) + """
                    select w.week::date, percentile_cont(0.5) within group (order by c.wait), count(c.wait)
                    from bounds b cross join lateral generate_series(b.first, b.last, interval '1 week') as w(week)
                    left join counted c on c.period = w.week
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
