package be.hulpwijzer.catalogue.testing;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;

import java.nio.file.Path;
import java.util.Map;

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
            EmbeddedDatabase[] started = new EmbeddedDatabase[1];
            // a million modules leave gigabytes behind otherwise
            Path directory = TemporaryDirectories.create("hulpwijzer-test-pg", () -> {
                if (started[0] != null) {
                    started[0].close();
                }
            });
            database = EmbeddedDatabase.start(directory.resolve("data"));
            started[0] = database;
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
