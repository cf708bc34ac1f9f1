package be.hulpwijzer.catalogue.reference;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read access to zones, municipalities, postcodes and vocabularies. They change only when a release
 * ships new reference data (loaded at start-up), so the lists are read once and kept.
 */
@Singleton
public class ReferenceData {

    private final JdbcOperations jdbc;
    private final ReferenceConnection connection;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    ReferenceData(JdbcOperations jdbc, ReferenceConnection connection) {
        this.jdbc = jdbc;
        this.connection = connection;
    }

    public List<Zone> zones() {
        return cached("zones", () -> jdbc.prepareStatement("""
                select code, name, province from zone
                where valid_to is null or valid_to >= current_date order by name""", ps -> list(ps.executeQuery(),
                rs -> new Zone(rs.getString(1), rs.getString(2), rs.getString(3)))));
    }

    public Map<String, Zone> zonesByCode() {
        return cached("zonesByCode", () -> zones().stream().collect(Collectors.toUnmodifiableMap(Zone::code, Function.identity())));
    }

    public boolean isZone(String code) {
        return zonesByCode().containsKey(code);
    }

    public List<CodeName> lifeDomains() {
        return vocabulary("life_domain");
    }

    public List<CodeName> moduleTypes() {
        return vocabulary("module_type");
    }

    public List<CodeName> sectors() {
        return vocabulary("sector");
    }

    public Set<String> codes(List<CodeName> vocabulary) {
        return vocabulary.stream().map(CodeName::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public List<Municipality> municipalities() {
        return cached("municipalities", () -> jdbc.prepareStatement("""
                select m.nis_code, m.name, m.province, array_agg(distinct mz.zone_code order by mz.zone_code)
                from municipality m join municipality_zone mz on mz.nis_code = m.nis_code
                  and (mz.valid_to is null or mz.valid_to >= current_date)
                where m.valid_to is null or m.valid_to >= current_date
                group by m.nis_code, m.name, m.province order by m.name""", ps -> list(ps.executeQuery(),
                rs -> new Municipality(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4))))));
    }

    public Map<String, Municipality> municipalitiesByNis() {
        return cached("municipalitiesByNis", () -> municipalities().stream()
                .collect(Collectors.toUnmodifiableMap(Municipality::nisCode, Function.identity())));
    }

    /** The places of a postcode, with their municipality and zone; empty when unknown. */
    public List<PostcodePlace> postcode(String postcode) {
        return connection.read(() -> jdbc.prepareStatement("""
                select p.place, p.sub_municipality, m.nis_code, m.name, z.code, z.name
                from postcode p join municipality m on m.nis_code = p.nis_code join zone z on z.code = p.zone_code
                where p.postcode = ? order by p.sub_municipality, p.place""", ps -> {
            ps.setString(1, postcode);
            return list(ps.executeQuery(), rs -> new PostcodePlace(rs.getString(1), rs.getBoolean(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }));
    }

    /** Every place name of a postcode (parts of municipalities too: Sint-Andries, Wondelgem) with its zone. */
    public List<Map.Entry<String, String>> placeZones() {
        return cached("placeZones", () -> jdbc.prepareStatement("select distinct place, zone_code from postcode order by 1, 2",
                ps -> list(ps.executeQuery(), rs -> Map.entry(rs.getString(1), rs.getString(2)))));
    }

    /** Every postcode's point, by postcode. */
    public Map<String, PostcodePoint> postcodePoints() {
        return cached("postcodePoints", () -> jdbc.prepareStatement(
                "select postcode, latitude, longitude, precision from postcode_point", ps -> list(ps.executeQuery(),
                        rs -> new PostcodePoint(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4))))
                .stream().collect(Collectors.toUnmodifiableMap(PostcodePoint::postcode, Function.identity())));
    }

    /** A municipality's point: that of the postcode of its main place (the lowest when several); null when none. */
    public PostcodePoint municipalityPoint(String nisCode) {
        Map<String, PostcodePoint> byNis = cached("municipalityPoints", () -> jdbc.prepareStatement("""
                select distinct on (p.nis_code) p.nis_code, p.postcode from postcode p
                join postcode_point pp on pp.postcode = p.postcode
                order by p.nis_code, p.sub_municipality, p.postcode""", ps -> list(ps.executeQuery(),
                rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> postcodePoints().get(e.getValue()))));
        return nisCode == null ? null : byNis.get(nisCode);
    }

    /** Acronym to expansion, lower case, for search. */
    public Map<String, String> synonyms() {
        return cached("synonyms", () -> jdbc.prepareStatement("select term, expansion from search_synonym order by term",
                ps -> list(ps.executeQuery(), rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The crisis and help lines, in the order they are shown. */
    public List<Helpline> helplines() {
        return cached("helplines", () -> jdbc.prepareStatement(
                "select code, name, number, url, description, topics, when_nothing_found from helpline order by sort_order",
                ps -> list(ps.executeQuery(), rs -> new Helpline(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), List.of((String[]) rs.getArray(6).getArray()), rs.getBoolean(7)))));
    }

    /** Forgets the thesaurus read before, after it changed. */
    public void forgetThesaurus() {
        cache.remove("thesaurus");
    }

    /** The thesaurus' groups: equivalent words and phrases, with the life domain and module type they point to. */
    public List<ThesaurusEntry> thesaurus() {
        return cached("thesaurus", () -> jdbc.prepareStatement(
                "select terms, life_domain, module_type from thesaurus_group where removed_at is null order by id",
                ps -> list(ps.executeQuery(), rs -> new ThesaurusEntry(List.of((String[]) rs.getArray(1).getArray()),
                        rs.getString(2), rs.getString(3)))));
    }

    private List<CodeName> vocabulary(String table) {
        return cached(table, () -> jdbc.prepareStatement("select code, name from " + table + " order by sort_order",
                ps -> list(ps.executeQuery(), rs -> new CodeName(rs.getString(1), rs.getString(2)))));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> loader) {
        Object value = cache.get(key);
        if (value == null) {
            value = connection.read(loader);
            cache.put(key, value);
        }
        return (T) value;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static <T> List<T> list(ResultSet rs, Row<T> row) throws SQLException {
        try (rs) {
            List<T> result = new java.util.ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return List.copyOf(result);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
