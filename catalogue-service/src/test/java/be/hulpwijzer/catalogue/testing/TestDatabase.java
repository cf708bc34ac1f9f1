package be.hulpwijzer.catalogue.testing;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the whole test JVM (started on first use, stopped and deleted at exit), in
 * a fresh temporary directory. Tests clean the catalogue tables they touch; reference data stays.
 */
public final class TestDatabase {

    private static EmbeddedDatabase database;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase get() {
        if (database == null) {
            try {
                Path directory = Files.createTempDirectory("hulpwijzer-test-pg");
                database = EmbeddedDatabase.start(directory.resolve("data"));
                EmbeddedDatabase started = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteQuietly(directory); // a million modules leave gigabytes behind otherwise
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the test database in " + directory + ": " + e.getMessage());
        }
    }

    public static Map<String, String> properties() {
        Map<String, Object> source = get().datasourceProperties();
        java.util.HashMap<String, String> result = new java.util.HashMap<>();
        source.forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }
}
