package be.hulpwijzer.indexer.relevance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Writes the fictional catalogue of the relevance set into an empty catalogue, as SQL would. */
final class FictionalCatalogue {

    private FictionalCatalogue() {
    }

    /** Replaces the catalogue with the set's modules; answers module id by key. */
    static Map<Long, String> load(Connection connection, RelevanceSet set) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("truncate organisation, method restart identity cascade");
        }
        Map<String, Long> organisations = new HashMap<>();
        Map<Long, String> keys = new HashMap<>();
        try (PreparedStatement organisation = connection.prepareStatement(
                "insert into organisation (name, sector) values (?, ?) returning id");
             PreparedStatement module = connection.prepareStatement("""
                     insert into module (organisation_id, title, description, type, setting, access, age_min_months,
                                         age_max_months, life_domains, zones)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""");
             PreparedStatement availability = connection.prepareStatement("""
                     insert into availability (module_id, state, free_places, waiting, expected_wait_days, confirmed_at)
                     values (?, ?, ?, ?, ?, now())""")) {
            for (RelevanceSet.Module m : set.modules()) {
                Long organisationId = organisations.get(m.organisation());
                if (organisationId == null) {
                    organisation.setString(1, m.organisation());
                    organisation.setString(2, m.sector());
                    organisationId = id(organisation);
                    organisations.put(m.organisation(), organisationId);
                }
                module.setLong(1, organisationId);
                module.setString(2, m.title());
                module.setString(3, m.description());
                module.setString(4, m.type());
                module.setString(5, m.setting());
                module.setString(6, m.access());
                module.setInt(7, m.ageMinMonths());
                module.setObject(8, m.ageMaxMonths());
                module.setArray(9, connection.createArrayOf("text", m.lifeDomains().toArray()));
                module.setArray(10, connection.createArrayOf("text", m.zones().toArray()));
                long moduleId = id(module);
                keys.put(moduleId, m.key());
                boolean free = m.state().equals("free");
                availability.setLong(1, moduleId);
                availability.setString(2, m.state());
                availability.setObject(3, free ? 2 : null);
                availability.setObject(4, free ? null : 6);
                availability.setObject(5, free ? null : 60);
                availability.executeUpdate();
            }
        }
        return keys;
    }

    private static long id(PreparedStatement insert) throws SQLException {
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
