package be.hulpwijzer.catalogue.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A consistent online backup of everything in the database (catalogue, history, accounts, tokens, audit, search
 * log, feed), taken with PostgreSQL's own bulk copy ({@code COPY ... TO STDOUT}, binary) inside one read-only
 * REPEATABLE READ transaction: one snapshot, while writes go on. The file is a zip: {@code backup.json} (the
 * schema version and the tables) and one {@code tables/NAME.copy} per table. A restore brings an empty database
 * to the same schema version (Flyway), then copies every table back in one transaction, triggers and foreign keys
 * held off while it does (the rows were consistent when taken), and moves every identity past its highest id.
 */
public final class Backup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Backup() {
    }

    /** Writes the backup of the database behind {@code connection} to {@code out}; returns the number of tables. */
    public static int write(Connection connection, OutputStream out) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("set transaction isolation level repeatable read, read only");
            List<String> tables = tables(connection);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", 1);
            manifest.put("schemaVersion", schemaVersion(connection));
            manifest.put("takenAt", Instant.now().toString());
            tables.forEach(manifest.putArray("tables")::add);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("backup.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                copy.copyOut("copy public.\"" + table + "\" to stdout with (format binary)", new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the zip stays open for the next table
                    }
                });
                zip.closeEntry();
            }
            zip.finish();
            connection.commit();
            return tables.size();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The schema version a backup was taken at (to migrate an empty database to it before {@link #restore}). */
    public static String schemaVersion(Path backup) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return manifest(zip).get("schemaVersion").asText();
        }
    }

    /**
     * Restores a backup into a database at the backup's schema version that holds no catalogue yet (only what the
     * migrations and the reference data put there, which the backup replaces), in one transaction.
     */
    public static void restore(Connection connection, Path backup) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(backup.toFile()); Statement st = connection.createStatement()) {
            JsonNode manifest = manifest(zip);
            String version = schemaVersion(connection);
            if (!version.equals(manifest.get("schemaVersion").asText())) {
                throw new IllegalStateException("the backup is of schema version " + manifest.get("schemaVersion").asText()
                        + ", the database is at " + version);
            }
            List<String> tables = new ArrayList<>();
            manifest.get("tables").forEach(t -> tables.add(t.asText()));
            st.execute("set local session_replication_role = replica"); // no triggers, no foreign-key checks meanwhile
            st.execute("truncate " + String.join(", ", tables.stream().map(t -> "public.\"" + t + "\"").toList()));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
                try (InputStream in = zip.getInputStream(entry)) {
                    copy.copyIn("copy public.\"" + table + "\" from stdin with (format binary)", in);
                }
            }
            try (ResultSet identities = st.executeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'public' and is_identity = 'YES'""")) {
                List<String[]> columns = new ArrayList<>();
                while (identities.next()) {
                    columns.add(new String[]{identities.getString(1), identities.getString(2)});
                }
                for (String[] column : columns) {
                    try (Statement move = connection.createStatement()) {
                        move.execute("select setval(pg_get_serial_sequence('public.\"%1$s\"', '%2$s'), "
                                .formatted(column[0], column[1])
                                + "coalesce((select max(\"%2$s\") from public.\"%1$s\"), 0) + 1, false)".formatted(column[0], column[1]));
                    }
                }
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static JsonNode manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("backup.json");
        if (entry == null) {
            throw new IllegalArgumentException(zip.getName() + " is no Hulpwijzer backup (backup.json is missing)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }

    /** Every table of the schema but Flyway's own history. */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
