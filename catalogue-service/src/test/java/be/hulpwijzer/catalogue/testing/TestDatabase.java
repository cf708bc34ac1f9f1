package be.hulpwijzer.catalogue.testing;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real PostgreSQL server for the whole test JVM (started on first use, stopped at exit), in a
 * fresh temporary directory. Tests clean the catalogue tables they touch; reference data stays.
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
                Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    public static Map<String, String> properties() {
        Map<String, Object> source = get().datasourceProperties();
        java.util.HashMap<String, String> result = new java.util.HashMap<>();
        source.forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }
}
