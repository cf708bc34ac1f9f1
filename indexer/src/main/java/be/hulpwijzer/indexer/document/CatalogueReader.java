package be.hulpwijzer.indexer.document;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Reads modules and engagements from PostgreSQL in the flat shape the index wants. */
public final class CatalogueReader {

    /**
     * Per organisation: the municipalities of its locations, and their points: a location's own coordinates,
     * or its postcode's when it has none or is confidential (a shelter's address is not to be found by
     * sorting on distance from nearby postcodes).
     */
    private static final String LOCATIONS = """
            array_agg(distinct l.nis_code) municipalities,
                   array_agg(coalesce(case when not l.confidential and l.longitude is not null then l.latitude end,
                       p.latitude) order by l.id) filter (where p.postcode is not null or l.latitude is not null) latitudes,
                   array_agg(coalesce(case when not l.confidential and l.latitude is not null then l.longitude end,
                       p.longitude) order by l.id) filter (where p.postcode is not null or l.latitude is not null) longitudes
            from location l left join postcode_point p on p.postcode = l.postcode""";
    private static final String MODULE = """
            select m.id, m.organisation_id, o.name, o.sector, m.title, m.description, m.type, mt.name, m.setting,
                   m.access, m.age_min_months, m.age_max_months, m.life_domains, m.zones, m.methods,
                   (select string_agg(me.name || ' ' || array_to_string(me.synonyms, ' '), ' ')
                      from method me where me.code = any(m.methods)),
                   m.languages, m.referral_procedure,
                   loc.municipalities,
                   m.status, a.state, a.free_places, a.expected_wait_days, a.confirmed_at, loc.latitudes, loc.longitudes,
                   m.cost
            from module m join organisation o on o.id = m.organisation_id join module_type mt on mt.code = m.type
            left join availability a on a.module_id = m.id
            """;
    /** Some modules: the locations of each one's organisation looked up. */
    private static final String MODULES = MODULE + "left join lateral (select " + LOCATIONS
            + " where l.organisation_id = m.organisation_id) loc on true\n";
    /** Every module: the locations of all organisations aggregated once, joined by hash. */
    private static final String ALL_MODULES = "with loc as (select l.organisation_id, " + LOCATIONS
            + " group by l.organisation_id)\n" + MODULE + "left join loc on loc.organisation_id = m.organisation_id\n";
    private static final String ENGAGEMENTS = """
            select e.id, e.organisation_id, o.name, e.title, e.description, e.target_group, e.capacity_per_month,
                   e.response_time_days, e.zones, e.valid_from, e.valid_to
            from engagement e join organisation o on o.id = e.organisation_id
            """;

    private CatalogueReader() {
    }

    public static List<ModuleSource> modules(Connection connection, Collection<Long> ids) throws SQLException {
        List<ModuleSource> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(MODULES + " where m.id = any(?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(module(rs));
                }
            }
        }
        return result;
    }

    /** Every module, streamed with a cursor (the caller's connection must not be in auto-commit). */
    public static void allModules(Connection connection, Consumer<ModuleSource> sink) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ALL_MODULES + " where m.status = 'active'")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(module(rs));
                }
            }
        }
    }

    public static List<EngagementSource> engagements(Connection connection, Collection<Long> ids) throws SQLException {
        List<EngagementSource> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(ENGAGEMENTS + " where e.id = any(?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(engagement(rs));
                }
            }
        }
        return result;
    }

    public static void allEngagements(Connection connection, Consumer<EngagementSource> sink) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ENGAGEMENTS)) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(engagement(rs));
                }
            }
        }
    }

    private static ModuleSource module(ResultSet rs) throws SQLException {
        Timestamp confirmed = rs.getTimestamp(24);
        return new ModuleSource(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                (Integer) rs.getObject(12), strings(rs.getArray(13)), strings(rs.getArray(14)), strings(rs.getArray(15)),
                rs.getString(16), strings(rs.getArray(17)), rs.getString(18), strings(rs.getArray(19)), rs.getString(20),
                rs.getString(21), (Integer) rs.getObject(22), (Integer) rs.getObject(23),
                confirmed == null ? null : confirmed.toInstant(), points(rs.getArray(25), rs.getArray(26)), rs.getString(27));
    }

    private static List<ModuleSource.Point> points(Array latitudes, Array longitudes) throws SQLException {
        if (latitudes == null || longitudes == null) {
            return List.of();
        }
        Double[] lat = (Double[]) latitudes.getArray();
        Double[] lon = (Double[]) longitudes.getArray();
        List<ModuleSource.Point> points = new ArrayList<>();
        for (int i = 0; i < Math.min(lat.length, lon.length); i++) {
            if (lat[i] != null && lon[i] != null) {
                points.add(new ModuleSource.Point(lat[i], lon[i]));
            }
        }
        return points;
    }

    private static EngagementSource engagement(ResultSet rs) throws SQLException {
        java.sql.Date to = rs.getDate(11);
        return new EngagementSource(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), strings(rs.getArray(9)),
                rs.getDate(10).toLocalDate(), to == null ? null : to.toLocalDate());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
