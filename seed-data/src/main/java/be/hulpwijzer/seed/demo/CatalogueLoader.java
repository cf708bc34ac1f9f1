package be.hulpwijzer.seed.demo;

import be.hulpwijzer.seed.demo.CatalogueGenerator.Batch;
import be.hulpwijzer.seed.demo.CatalogueGenerator.Ids;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Streams a generated catalogue into PostgreSQL with COPY, a few thousand organisations at a time, so
 * that a million modules load in minutes with constant memory. One transaction: all or nothing.
 */
public final class CatalogueLoader {

    private static final int ORGANISATIONS_PER_BATCH = 2000;

    /** How much to generate; {@code pinned} organisations come first, each its kind in its municipality. */
    public record Size(int organisations, int modules, boolean history, List<Pinned> pinned) {

        public Size(int organisations, int modules, boolean history) {
            this(organisations, modules, history, List.of());
        }
    }

    /** An organisation of a given kind (its name pattern) in a given municipality. */
    public record Pinned(String kind, String municipality) {
    }

    /** What was written. */
    public record Result(int organisations, int modules, int methods) {
    }

    private CatalogueLoader() {
    }

    /** Generates and writes a catalogue in one transaction of its own. */
    public static Result load(Connection connection, Size size, long seed, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Result result = write(connection, size, seed, now);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Generates and writes a catalogue within the caller's transaction. */
    static Result write(Connection connection, Size size, long seed, Instant now) throws SQLException {
        Templates templates = Templates.load();
        CatalogueGenerator generator = new CatalogueGenerator(templates, new Places(), seed, now, size.history());
        {
            int methods = insertMethods(connection, templates);
            long firstOrganisation = max(connection, "organisation");
            Ids ids = new Ids(max(connection, "location"), max(connection, "module"), max(connection, "engagement"));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Batch batch = new Batch();
            // spread the modules evenly: organisation i gets the modules up to its share of the total
            int modulesWritten = 0;
            for (int i = 1; i <= size.organisations(); i++) {
                int target = (int) ((long) size.modules() * i / size.organisations());
                if (i <= size.pinned().size()) {
                    Pinned pinned = size.pinned().get(i - 1);
                    generator.organisation(firstOrganisation + i, target - modulesWritten, ids, batch, pinned.kind(),
                            pinned.municipality());
                } else {
                    generator.organisation(firstOrganisation + i, target - modulesWritten, ids, batch);
                }
                modulesWritten = target;
                if (i % ORGANISATIONS_PER_BATCH == 0) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            for (String table : new String[]{"organisation", "location", "module", "engagement"}) {
                try (PreparedStatement ps = connection.prepareStatement("select setval(pg_get_serial_sequence('" + table
                        + "', 'id'), greatest(1, (select coalesce(max(id), 0) from " + table + ")))")) {
                    ps.execute();
                }
            }
            return new Result(size.organisations(), modulesWritten, methods);
        }
    }

    private static void write(CopyManager copy, Batch batch) throws SQLException {
        for (CopyRows rows : batch.inOrder()) {
            if (rows.count() == 0) {
                continue;
            }
            try {
                copy.copyIn(rows.sql(), new StringReader(rows.text()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + rows.table + " failed", e);
            }
            rows.clear();
        }
    }

    private static int insertMethods(Connection connection, Templates templates) throws SQLException {
        int inserted = 0;
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into method (code, name, description, synonyms) values (?, ?, ?, ?) on conflict (code) do nothing""")) {
            for (Templates.MethodText method : templates.methods) {
                ps.setString(1, method.code());
                ps.setString(2, method.name());
                ps.setString(3, method.description());
                ps.setArray(4, connection.createArrayOf("text", method.synonyms().toArray()));
                inserted += ps.executeUpdate();
            }
        }
        return inserted;
    }

    private static long max(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select coalesce(max(id), 0) from " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
