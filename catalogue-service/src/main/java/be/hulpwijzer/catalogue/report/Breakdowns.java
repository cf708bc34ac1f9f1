package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an IROJ asks of a region beside the heat map: how many children and families wait in total, the
 * same split by access route and by module type, the zone beside its province and Flanders, the
 * engagements in force with their monthly capacity, and how many searches were made in the period.
 * Aggregates of the catalogue only.
 */
@Singleton
public class Breakdowns {

    /** One group of active modules now: how many, with room now, how many wait (where known), the median expected wait. */
    public record Group(String code, int modules, int freeNow, int waiting, int modulesWithWaitingCount,
                        @Nullable Double medianWaitDays, int stale) {
    }

    /** One region for comparison (the zone, its province, Flanders and Brussels). */
    public record Comparison(String name, Group figures) {
    }

    /** An engagement in force in the region, with its capacity per month where the organisation gave one. */
    public record EngagementCapacity(String organisation, String title, @Nullable Integer capacityPerMonth,
                                     @Nullable Integer responseTimeDays, List<String> zones) {
    }

    private final JdbcOperations jdbc;
    private final ReferenceData reference;

    Breakdowns(JdbcOperations jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** The region's modules split by a column of module ({@code access} or {@code type}). */
    @Connectable
    public List<Group> by(Region region, String column) {
        if (!column.equals("access") && !column.equals("type")) {
            throw new IllegalArgumentException(column);
        }
        return groups(region.zones(), "m." + column);
    }

    /** The region's modules together. */
    @Connectable
    public Group all(List<String> zones) {
        List<Group> groups = groups(zones, "'all'");
        return groups.isEmpty() ? new Group("all", 0, 0, 0, 0, null, 0) : groups.get(0);
    }

    /** A zone beside its province and everywhere; a province beside everywhere; everywhere alone. */
    @Connectable
    public List<Comparison> comparison(Region region) {
        List<Comparison> rows = new ArrayList<>();
        rows.add(new Comparison(region.name(), all(region.zones())));
        if (region.zones().size() == 1) {
            Zone zone = reference.zonesByCode().get(region.zones().get(0));
            List<String> province = reference.zones().stream().filter(z -> z.province().equals(zone.province())).map(Zone::code).toList();
            rows.add(new Comparison(zone.province(), all(province)));
        }
        if (!region.everywhere()) {
            rows.add(new Comparison(be.hulpwijzer.catalogue.api.Messages.get("region.all"), all(List.of())));
        }
        return rows;
    }

    /** Engagements in force at the end of the period serving the region, largest capacity first. */
    @Connectable
    public List<EngagementCapacity> engagements(Region region) {
        LocalDate end = region.to().atEndOfMonth();
        return jdbc.execute(c -> {
            List<EngagementCapacity> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select o.name, e.title, e.capacity_per_month, e.response_time_days, e.zones from engagement e
                    join organisation o on o.id = e.organisation_id
                    where e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)
                      and (cardinality(?::text[]) = 0 or e.zones && ?::text[])
                    order by e.capacity_per_month desc nulls last, o.name, e.title""")) {
                ps.setDate(1, Date.valueOf(end));
                ps.setDate(2, Date.valueOf(region.from().atDay(1)));
                ps.setArray(3, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(4, c.createArrayOf("text", region.zones().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new EngagementCapacity(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                                (Integer) rs.getObject(4), List.of((String[]) rs.getArray(5).getArray())));
                    }
                }
            }
            return rows;
        });
    }

    /** How many searches were made in the region's period: the denominator of "found nothing". */
    @Connectable
    public int searches(Region region) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) from search_log where searched_on between ? and ?
                      and (cardinality(?::text[]) = 0 or zones && ?::text[])""")) {
                ps.setDate(1, Date.valueOf(region.from().atDay(1)));
                ps.setDate(2, Date.valueOf(region.to().atEndOfMonth()));
                ps.setArray(3, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(4, c.createArrayOf("text", region.zones().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private List<Group> groups(List<String> zones, String column) {
        return jdbc.execute(c -> {
            List<Group> groups = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select %s, count(*), count(*) filter (where a.state = 'free'),
                           coalesce(sum(a.waiting) filter (where a.state = 'waiting'), 0),
                           count(a.waiting) filter (where a.state = 'waiting'),
                           percentile_cont(0.5) within group (order by a.expected_wait_days)
                               filter (where a.state = 'waiting' and a.expected_wait_days is not null),
                           count(*) filter (where a.confirmed_at is null or a.confirmed_at < now() - interval '30 days')
                    from module m left join availability a on a.module_id = m.id
                    where m.status = 'active' and (cardinality(?::text[]) = 0 or m.zones && ?::text[])
                    group by 1 order by 2 desc, 1""".formatted(column))) {
                ps.setArray(1, c.createArrayOf("text", zones.toArray()));
                ps.setArray(2, c.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double median = rs.getDouble(6);
                        groups.add(new Group(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                                rs.wasNull() ? null : median, rs.getInt(7)));
                    }
                }
            }
            return groups;
        });
    }
}
