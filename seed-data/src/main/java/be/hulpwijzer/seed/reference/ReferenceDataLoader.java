package be.hulpwijzer.seed.reference;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Loads zones, municipalities, postcodes (with their points) and vocabularies into PostgreSQL. Idempotent: rows are upserted
 * by their stable code, so catalogue rows that refer to them stay valid, and nothing happens when the
 * shipped CSVs did not change since the last load. Runs in one transaction: all or nothing.
 */
public final class ReferenceDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final String STATE = "reference-data";

    private ReferenceDataLoader() {
    }

    /** @return true when data was (re)loaded, false when it was already current */
    public static boolean loadIfChanged(Connection connection) throws SQLException {
        String checksum = ReferenceCsv.checksum();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (var lock = connection.prepareStatement("select pg_advisory_xact_lock(4242001)")) {
                lock.execute();
            }
            if (checksum.equals(currentChecksum(connection))) {
                connection.commit();
                return false;
            }
            loadZones(connection);
            loadMunicipalities(connection);
            replace(connection, "municipality_zone", "municipality_zones.csv",
                    "insert into municipality_zone (nis_code, zone_code, valid_from, valid_to) values (?, ?, ?, ?)",
                    (ps, r) -> {
                        ps.setString(1, r.get("nis_code"));
                        ps.setString(2, r.get("zone_code"));
                        setDate(ps, 3, r.get("valid_from"));
                        setDate(ps, 4, r.get("valid_to"));
                    });
            replace(connection, "postcode", "postcodes.csv",
                    "insert into postcode (postcode, place, sub_municipality, nis_code, zone_code) values (?, ?, ?, ?, ?)",
                    (ps, r) -> {
                        ps.setString(1, r.get("postcode"));
                        ps.setString(2, r.get("place"));
                        ps.setBoolean(3, Boolean.parseBoolean(r.get("sub_municipality")));
                        ps.setString(4, r.get("nis_code"));
                        ps.setString(5, r.get("zone_code"));
                    });
            replace(connection, "postcode_point", "postcode_points.csv",
                    "insert into postcode_point (postcode, latitude, longitude, precision) values (?, ?, ?, ?)",
                    (ps, r) -> {
                        ps.setString(1, r.get("postcode"));
                        ps.setDouble(2, Double.parseDouble(r.get("latitude")));
                        ps.setDouble(3, Double.parseDouble(r.get("longitude")));
                        ps.setString(4, r.get("precision"));
                    });
            upsertVocabulary(connection, "life_domain", "life_domains.csv");
            upsertVocabulary(connection, "module_type", "module_types.csv");
            upsertVocabulary(connection, "sector", "sectors.csv");
            replace(connection, "search_synonym", "synonyms.csv",
                    "insert into search_synonym (term, expansion) values (?, ?)",
                    (ps, r) -> {
                        ps.setString(1, r.get("term"));
                        ps.setString(2, r.get("expansion"));
                    });
            replace(connection, "helpline", "helplines.csv", """
                    insert into helpline (code, name, number, url, description, topics, when_nothing_found, sort_order, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", (ps, r) -> {
                        ps.setString(1, r.get("code"));
                        ps.setString(2, r.get("name"));
                        ps.setString(3, r.get("number"));
                        ps.setString(4, r.get("url"));
                        ps.setString(5, r.get("description"));
                        ps.setArray(6, ps.getConnection().createArrayOf("text", r.get("topics").split(";")));
                        ps.setBoolean(7, Boolean.parseBoolean(r.get("when_nothing_found")));
                        ps.setInt(8, Integer.parseInt(r.get("sort_order")));
                        ps.setString(9, r.get("source"));
                    });
            // shipped groups by their first word: changed in place, a removal by someone stays (removed_at kept)
            List<CSVRecord> thesaurus = ReferenceCsv.read("thesaurus.csv");
            batch(connection, thesaurus, """
                    insert into thesaurus_group (terms, life_domain, module_type, source, shipped, shipped_key)
                    values (?, ?, ?, ?, true, ?)
                    on conflict (shipped_key) do update set terms = excluded.terms, life_domain = excluded.life_domain,
                        module_type = excluded.module_type, source = excluded.source""",
                    (ps, r) -> {
                        String[] terms = java.util.Arrays.stream(r.get("terms").split(";")).map(String::strip).toArray(String[]::new);
                        ps.setArray(1, ps.getConnection().createArrayOf("text", terms));
                        setText(ps, 2, r.get("life_domain"));
                        setText(ps, 3, r.get("module_type"));
                        ps.setString(4, r.get("source"));
                        ps.setString(5, terms[0]);
                    });
            try (var delete = connection.prepareStatement("delete from thesaurus_group where shipped and shipped_key <> all(?)")) {
                delete.setArray(1, connection.createArrayOf("text", thesaurus.stream()
                        .map(r -> r.get("terms").split(";")[0].strip()).toArray()));
                delete.executeUpdate();
            }
            try (var ps = connection.prepareStatement("""
                    insert into seed_state (name, checksum, applied_at) values (?, ?, now())
                    on conflict (name) do update set checksum = excluded.checksum, applied_at = excluded.applied_at""")) {
                ps.setString(1, STATE);
                ps.setString(2, checksum);
                ps.executeUpdate();
            }
            connection.commit();
            LOG.info("Reference data loaded (checksum {})", checksum.substring(0, 12));
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String currentChecksum(Connection connection) throws SQLException {
        try (var ps = connection.prepareStatement("select checksum from seed_state where name = ?")) {
            ps.setString(1, STATE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void loadZones(Connection connection) throws SQLException {
        List<CSVRecord> zones = ReferenceCsv.read("zones.csv");
        batch(connection, zones, """
                insert into zone (code, name, province, pinc_code, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, province = excluded.province,
                  pinc_code = excluded.pinc_code, valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                (ps, r) -> {
                    ps.setString(1, r.get("code"));
                    ps.setString(2, r.get("name"));
                    ps.setString(3, r.get("province"));
                    setText(ps, 4, r.get("pinc_code"));
                    setDate(ps, 5, r.get("valid_from"));
                    setDate(ps, 6, r.get("valid_to"));
                });
        batch(connection, zones, "update zone set successor_code = ? where code = ?", (ps, r) -> {
            setText(ps, 1, r.get("successor"));
            ps.setString(2, r.get("code"));
        });
    }

    private static void loadMunicipalities(Connection connection) throws SQLException {
        List<CSVRecord> municipalities = ReferenceCsv.read("municipalities.csv");
        batch(connection, municipalities, """
                insert into municipality (nis_code, name, province, region, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)
                on conflict (nis_code) do update set name = excluded.name, province = excluded.province,
                  region = excluded.region, valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                (ps, r) -> {
                    ps.setString(1, r.get("nis_code"));
                    ps.setString(2, r.get("name"));
                    ps.setString(3, r.get("province"));
                    ps.setString(4, r.get("region"));
                    setDate(ps, 5, r.get("valid_from"));
                    setDate(ps, 6, r.get("valid_to"));
                });
        batch(connection, municipalities, "update municipality set merged_into = ? where nis_code = ?", (ps, r) -> {
            setText(ps, 1, r.get("merged_into"));
            ps.setString(2, r.get("nis_code"));
        });
    }

    private static void upsertVocabulary(Connection connection, String table, String file) throws SQLException {
        List<CSVRecord> rows = ReferenceCsv.read(file);
        batch(connection, rows, "insert into " + table + " (code, name, sort_order) values (?, ?, ?) "
                        + "on conflict (code) do update set name = excluded.name, sort_order = excluded.sort_order",
                (ps, r) -> {
                    ps.setString(1, r.get("code"));
                    ps.setString(2, r.get("name"));
                    ps.setInt(3, (int) r.getRecordNumber());
                });
    }

    /** For tables nothing refers to: the shipped file is the whole truth. */
    private static void replace(Connection connection, String table, String file, String insert, Binder binder)
            throws SQLException {
        try (var delete = connection.prepareStatement("delete from " + table)) {
            delete.executeUpdate();
        }
        batch(connection, ReferenceCsv.read(file), insert, binder);
    }

    private static void batch(Connection connection, List<CSVRecord> rows, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (CSVRecord row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setDate(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(value));
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, CSVRecord row) throws SQLException;
    }
}
