package be.hulpwijzer.seed.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The demo catalogue: about 160 fictional organisations and 640 modules across Flanders and Brussels,
 * denser in West-Vlaanderen. Loaded once, on the first start of an empty database.
 */
public final class DemoCatalogue {

    /** The first organisations are pinned so that the everyday searches of a Brugge care worker find help. */
    public static final CatalogueLoader.Size SIZE = new CatalogueLoader.Size(240, 960, true, List.of(
            new CatalogueLoader.Pinned("CGG {regio}", "Brugge"),
            new CatalogueLoader.Pinned("CAW {regio}", "Brugge"),
            new CatalogueLoader.Pinned("CKG {naam}", "Brugge"),
            new CatalogueLoader.Pinned("Jeugdhulp {naam}", "Oostende"),
            new CatalogueLoader.Pinned("Sociaal Huis {plaats}", "Ieper"),
            new CatalogueLoader.Pinned("CGG {regio}", "Roeselare")));
    public static final long SEED = 20261122L;
    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final String STATE = "demo-catalogue";

    private DemoCatalogue() {
    }

    /**
     * Loads the demo catalogue unless it was loaded before or the catalogue already holds organisations.
     * @return true when it was loaded now
     */
    public static boolean loadOnFirstStart(Connection connection, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(4242002)")) {
                lock.execute();
            }
            if (exists(connection, "select 1 from seed_state where name = '" + STATE + "'")
                    || exists(connection, "select 1 from organisation limit 1")) {
                connection.commit();
                return false;
            }
            CatalogueLoader.Result result = CatalogueLoader.write(connection, SIZE, SEED, now);
            try (PreparedStatement ps = connection.prepareStatement("insert into seed_state (name) values (?)")) {
                ps.setString(1, STATE);
                ps.executeUpdate();
            }
            connection.commit();
            LOG.info("Demo catalogue loaded: {} organisations, {} modules", result.organisations(), result.modules());
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
