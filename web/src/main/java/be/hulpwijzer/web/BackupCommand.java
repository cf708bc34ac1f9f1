package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.db.Backup;
import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * {@code backup FILE}: a consistent online backup of the configured database, or of the embedded one (of the
 * running application when it runs, through its port in {@code postmaster.pid}; else started for the backup).
 * {@code restore FILE [--force]}: into an empty data directory (refused when it holds a database, unless
 * {@code --force}), or into the configured database; the search index is rebuilt from it at the next start.
 */
final class BackupCommand {

    private static final Logger LOG = LoggerFactory.getLogger(BackupCommand.class);

    /** Where to connect: a JDBC URL with its user and password. */
    record Target(String url, String user, String password) {

        Connection connect() throws java.sql.SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private BackupCommand() {
    }

    static void backup(Path file, Target target) throws Exception {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = target.connect(); OutputStream out = Files.newOutputStream(partial)) {
            int tables = Backup.write(connection, out);
            LOG.info("Backed up {} tables to {}", tables, file);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void restore(Path file, Target target) throws Exception {
        String version = Backup.schemaVersion(file);
        Flyway.configure().dataSource(target.url(), target.user(), target.password()).locations("classpath:db/migration")
                .target(version).load().migrate();
        try (Connection connection = target.connect()) {
            Backup.restore(connection, file);
        }
        LOG.info("Restored {} (schema version {})", file, version);
    }

    /** The embedded database of a data directory: the running one, or one started for the command. */
    static void embedded(Path data, boolean restoring, boolean force, CheckedConsumer<Target> command) throws Exception {
        Path postgres = data.resolve("postgres");
        Integer port = runningPort(postgres);
        if (port != null) {
            if (restoring) {
                throw new IllegalStateException("the application runs on " + postgres + ": stop it before restoring");
            }
            command.accept(new Target("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE, EmbeddedDatabase.USER, ""));
            return;
        }
        if (restoring && holdsDatabase(postgres) && !force) {
            throw new IllegalStateException(postgres + " already holds a database: restore into an empty data directory "
                    + "(HULPWIJZER_DATA_DIR), or add --force to replace everything in it");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(postgres)) {
            command.accept(new Target(database.jdbcUrl().replaceAll("\\?.*", ""), EmbeddedDatabase.USER, ""));
        }
        if (restoring) {
            deleteRecursively(data.resolve("index")); // of the data that was there before: rebuilt at the next start
        }
    }

    /** The port of a PostgreSQL that runs on this data directory now; null when none does. */
    static Integer runningPort(Path postgres) throws IOException {
        Path pid = postgres.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid);
        if (lines.size() < 4) {
            return null;
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Integer.valueOf(lines.get(3).strip()) : null;
    }

    private static boolean holdsDatabase(Path postgres) throws IOException {
        if (!Files.isDirectory(postgres)) {
            return false;
        }
        try (var entries = Files.list(postgres)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @FunctionalInterface
    interface CheckedConsumer<T> {
        void accept(T value) throws Exception;
    }
}
